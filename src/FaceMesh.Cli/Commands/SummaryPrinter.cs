using FaceMesh.Pipeline.Embedded;

namespace FaceMesh.Cli.Commands;

public static class SummaryPrinter
{
    public static void Print(RunSummary s)
    {
        foreach (var source in s.CutShort ?? [])
        {
            Console.Error.WriteLine($"warning: {source.File} ended at {source.EndedEarlyAtSeconds:0.#} s of the {source.DurationSeconds:0.#} s its container claims (the file is probably cut short); the dataset covers what could be decoded.");
        }

        Console.WriteLine($"{Counted.Frames(s.Frames)}, {Counted.Faces(s.Faces)}, {Counted.People(s.People)}, {s.Noise} noise in {s.Elapsed.TotalSeconds:F1} s -> {s.Output}");
        var total = (s.Decoding + s.Detection + s.Description + s.Clustering + s.Export).TotalSeconds;
        if (total > 0)
        {
            string Share(TimeSpan t) => $"{100 * t.TotalSeconds / total:F0}%";
            Console.WriteLine($"time (summed over threads): decoding {Share(s.Decoding)}, detection {Share(s.Detection)}, description {Share(s.Description)}, clustering {Share(s.Clustering)}, export {Share(s.Export)}");
        }
    }
}
