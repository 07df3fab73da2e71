using System.Text.Json;

namespace FaceMesh.Cli.Tests;

public sealed class FacesCommandTests
{
    [Fact]
    public async Task Faces_Json_DescribesEveryFace()
    {
        var result = await Cli.RunAsync("faces", "--json", Path.Combine(Cli.Fixtures, "scenes", "two_people.jpg"));

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var faces = json.RootElement[0].GetProperty("faces");
        Assert.Equal(2, faces.GetArrayLength());
        foreach (var face in faces.EnumerateArray())
        {
            Assert.Equal(4, face.GetProperty("box").GetArrayLength());
            Assert.Equal(68, face.GetProperty("landmarks").GetArrayLength());
            Assert.Equal(128, face.GetProperty("descriptor").GetArrayLength());
            Assert.True(face.GetProperty("quality").GetProperty("sharpness").GetSingle() > 0);
        }
    }

    [Fact]
    public async Task Faces_OnAFolder_DescribesEveryImageInIt_AndItsSubfolders()
    {
        var result = await Cli.RunAsync("faces", "--json", Path.Combine(Cli.Fixtures, "people"), Path.Combine(Cli.Fixtures, "scenes"));

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var files = json.RootElement.EnumerateArray().Select(i => i.GetProperty("file").GetString()).ToList();
        var expected = Directory.GetFiles(Path.Combine(Cli.Fixtures, "people"), "*", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(Cli.Fixtures, "scenes")));
        Assert.Equal(expected.Order(StringComparer.Ordinal), files.Order(StringComparer.Ordinal));
        Assert.All(json.RootElement.EnumerateArray(), i => Assert.NotEqual(0, i.GetProperty("faces").GetArrayLength()));
    }

    [Fact]
    public async Task Faces_Text_PrintsOneBlockPerImage()
    {
        var result = await Cli.RunAsync("faces", "--detector", "tiny", Path.Combine(Cli.Fixtures, "people", "biden", "biden.jpg"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("1 face(s)", result.Stdout);
        Assert.Contains("descriptor:", result.Stdout);
    }

    [Fact]
    public async Task Faces_BadFiles_OneErrorLineEach_ExitCode2_OthersStillProcessed()
    {
        var folder = Directory.CreateTempSubdirectory("facemesh-cli-").FullName;
        try
        {
            var text = Path.Combine(folder, "notes.jpg");
            await File.WriteAllTextAsync(text, "not an image");
            var empty = Path.Combine(folder, "empty.png");
            await File.WriteAllBytesAsync(empty, []);

            var result = await Cli.RunAsync("faces", text, empty, Path.Combine(folder, "missing.jpg"), Path.Combine(Cli.Fixtures, "odd", "obama_small.jpg"));

            Assert.Equal(2, result.ExitCode);
            var errors = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();
            Assert.Equal(3, errors.Count);
            Assert.Contains("obama_small.jpg", result.Stdout);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Faces_OutOfRangeOption_IsAUsageError()
    {
        var result = await Cli.RunAsync("faces", "--min-confidence", "1.5", Path.Combine(Cli.Fixtures, "odd", "obama_small.jpg"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--min-confidence must be between 0.01 and 0.99 (got 1.5)", result.Stderr);
    }

    [Fact]
    public async Task ModelsVerify_ReportsTheInstalledCache()
    {
        await Cli.RunAsync("models", "install");
        var result = await Cli.RunAsync("models", "verify");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("ok:", result.Stdout);
    }
}
