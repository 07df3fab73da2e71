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
        Assert.Contains($"path: \"{Path.GetFullPath(target)}\"", File.ReadAllText(Path.Combine(target, DatasetPaths.DataYaml)));
        Assert.Equal(manifest.Frames.Count, File.ReadAllLines(Path.Combine(target, DatasetPaths.TrainList)).Length + File.ReadAllLines(Path.Combine(target, DatasetPaths.ValList)).Length);

        // A dataset published before the train/val split: fetch makes the same split itself.
        await system.Datasets.DeleteAsync($"cli-job/{DatasetPaths.TrainList}", CancellationToken.None);
        await system.Datasets.DeleteAsync($"cli-job/{DatasetPaths.ValList}", CancellationToken.None);
        var older = Path.Combine(footage.Folder, "fetched-older");
        var again = await RunCliAsync("fetch", "cli-job", "-o", older, "--s3-endpoint", "127.0.0.1:9000", "--bucket", system.Datasets.Bucket);
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Equal(File.ReadAllLines(Path.Combine(target, DatasetPaths.TrainList)), File.ReadAllLines(Path.Combine(older, DatasetPaths.TrainList)));
        Assert.Equal(File.ReadAllLines(Path.Combine(target, DatasetPaths.ValList)), File.ReadAllLines(Path.Combine(older, DatasetPaths.ValList)));
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

    [Fact]
    public async Task SubmitTwoVideosToADataset_ThenFetchIt_GivesOnePersonPerIdentityWithFacesFromBoth()
    {
        var parts = new[] { "part-one.mp4", "part-two.mp4" }.Select(name => Path.Combine(footage.Folder, name)).ToList();
        parts.ForEach(part => File.Copy(footage.Clip.Path, part, overwrite: true));

        var submit = await RunCliAsync(["submit", .. parts, "--dataset", "two-parts", "--server", system.ExtractorUrl, "--token", DistributedSystem.Token]);

        Assert.True(submit.ExitCode == 0, submit.Output);
        Assert.Contains("submitted job part-two to dataset two-parts", submit.Output);
        Assert.Contains("facemesh fetch --dataset two-parts -o DIR", submit.Output);
        var target = Path.Combine(footage.Folder, "two-parts");
        var fetch = await RunCliAsync("fetch", "--dataset", "two-parts", "-o", target, "--s3-endpoint", "127.0.0.1:9000", "--bucket", system.Datasets.Bucket);
        Assert.True(fetch.ExitCode == 0, fetch.Output);
        var manifest = ManifestJson.Read(Path.Combine(target, DatasetPaths.Manifest));
        Assert.Equal(["part-one.mp4", "part-two.mp4"], manifest.Sources.Select(s => s.File));
        Assert.Equal(2 * footage.Embedded.Faces.Count, manifest.Faces.Count);
        Assert.Equal(footage.Embedded.PeopleCount, manifest.PeopleCount);
        var sourceOfFrame = manifest.Frames.ToDictionary(f => f.Index, f => f.Source);
        foreach (var person in Enumerable.Range(0, manifest.PeopleCount))
        {
            var sources = manifest.Faces.Where((_, i) => manifest.Clusters[i] == person).Select(f => sourceOfFrame[f.Frame]).Distinct().Order();
            Assert.Equal([0, 1], sources);
        }

        Assert.Equal(manifest.Frames.Count, Directory.GetFiles(Path.Combine(target, DatasetPaths.Images)).Length);
    }

    private async Task<string> DownloadAsync(string key)
    {
        var path = Path.Combine(footage.Folder, Guid.NewGuid().ToString("N"));
        await File.WriteAllBytesAsync(path, (await system.Datasets.GetAsync(key))!);
        return path;
    }

    private static Task<(int ExitCode, string Output)> RunCliAsync(params string[] args) => CliProcess.RunAsync(args);
}
