using System.Globalization;
using FaceMesh.Bench;

// Usage: FaceMesh.Bench engine <fixtures> [iterations]
//        FaceMesh.Bench pipeline <fixtures> <work folder> [minutes]
//        FaceMesh.Bench clip <fixtures> <work folder> [minutes]
//        FaceMesh.Bench decoding <work folder> [seconds]
//        FaceMesh.Bench dbscan [points]
//        FaceMesh.Bench collection <work folder> [faces per video] [videos]
var mode = args.FirstOrDefault() ?? "engine";
var fixtures = args.Length > 1 ? args[1] : Path.Combine("tests", "fixtures");
switch (mode)
{
    case "engine":
        await EngineBenchmark.RunAsync(fixtures, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10);
        break;
    case "pipeline":
        await PipelineBenchmark.RunAsync(fixtures, args[2], args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 10);
        break;
    case "clip":
        Console.WriteLine(BenchClip.Create(fixtures, args[2], args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 10));
        break;
    case "decoding":
        DecodingBenchmark.Run(args[1], args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 60);
        break;
    case "dbscan":
        DbscanBenchmark.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000);
        break;
    case "collection":
        await CollectionBenchmark.RunAsync(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50_000,
            args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3);
        break;
    case "rebuild":
        CollectionBenchmark.Rebuild(args[1]);
        break;
    default:
        Console.Error.WriteLine($"unknown mode {mode}: engine | pipeline | clip | decoding | dbscan | collection");
        return 2;
}

return 0;
