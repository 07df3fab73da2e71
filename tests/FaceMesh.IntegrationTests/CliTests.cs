using FaceMesh.Pipeline.Export;

namespace FaceMesh.IntegrationTests;

/// <summary>The user's path: <c>facemesh submit</c>, then <c>facemesh fetch</c>, against the running services.</summary>
[Collection(DistributedCollection.Name)]
public sealed class CliTests(DistributedSystem system, Footage footage) : IClassFixture<Footage>
{
    [Fact]
    public async Task SubmitThenFetch_GivesTheEmbeddedDatasetLocally()
    {
        var submit = await RunCliAsync("submit", footage.Clip.Path, "--name", "cli-job", "--server", system.ExtractorUrl, "--token", DistributedSystem.Token);
        Assert.True(submit.ExitCode == 0, submit.Output);
        Assert.Contains("Done", submit.Output);
        Assert.Contains($"facemesh fetch cli-job -o DIR --bucket {system.Datasets.Bucket}", submit.Output);

        var target = Path.Combine(footage.Folder, "fetched");
        var fetch = await RunCliAsync("fetch", "cli-job", "-o", target, "--s3-endpoint", "127.0.0.1:9000", "--bucket", system.Datasets.Bucket);
        Assert.True(fetch.ExitCode == 0, fetch.Output);
        var manifest = ManifestJson.Read(Path.Combine(target, DatasetPaths.Manifest));
        Assert.Equal(footage.Embedded.Clusters, manifest.Clusters);
        for (var i = 0; i < manifest.Faces.Count; i++)
        {
            Assert.True(File.Exists(Path.Combine(target, manifest.CropPath(i))));
        }

        Assert.Equal(manifest.Frames.Count, Directory.GetFiles(Path.Combine(target, DatasetPaths.Images)).Length);
    }

    [Fact]
    public async Task Submit_WrongToken_ExitCode4_OneLine()
    {
        var result = await RunCliAsync("submit", footage.Clip.Path, "--name", "cli-denied", "--server", system.ExtractorUrl, "--token", "wrong");
        Assert.Equal(4, result.ExitCode);
        Assert.Single(result.Output.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Submit_AFileNameWithSpaces_RunsUnderAKeySafeJobName_KeepingTheNameInTheManifest()
    {
        var spaced = Path.Combine(footage.Folder, "our holiday (day 2).mp4");
        File.Copy(footage.Clip.Path, spaced, overwrite: true);

        var submit = await RunCliAsync("submit", spaced, "--server", system.ExtractorUrl, "--token", DistributedSystem.Token);

        Assert.True(submit.ExitCode == 0, submit.Output);
        Assert.Contains("Done", submit.Output);
        var manifest = ManifestJson.Read(await DownloadAsync($"our_holiday_day_2_/{DatasetPaths.Manifest}"));
        Assert.Equal("our holiday (day 2).mp4", manifest.Sources.Single().File);
    }

    private async Task<string> DownloadAsync(string key)
    {
        var path = Path.Combine(footage.Folder, Guid.NewGuid().ToString("N"));
        await File.WriteAllBytesAsync(path, (await system.Datasets.GetAsync(key))!);
        return path;
    }

    private static Task<(int ExitCode, string Output)> RunCliAsync(params string[] args) => CliProcess.RunAsync(args);
}
