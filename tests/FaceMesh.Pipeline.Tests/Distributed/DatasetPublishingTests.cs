using FaceMesh.Contracts.Messages;
using FaceMesh.Contracts.V1;
using FaceMesh.Pipeline.Distributed;
using FaceMesh.Pipeline.Encoding;
using FaceMesh.Pipeline.Export;
using FaceMesh.Pipeline.Storage;
using OpenCvSharp;

namespace FaceMesh.Pipeline.Tests.Distributed;

/// <summary>The Exporter's stage over local-folder stores: what the Clusterer recorded becomes the published dataset.</summary>
public sealed class DatasetPublishingTests : IDisposable
{
    private const string Job = "published";
    private readonly TestBuckets _buckets = new();
    private readonly RecordingBus _bus = new();

    [Fact]
    public async Task TheManifest_ReportsTheSettingsTheEncodersUsed_AndTheJobsOptions()
    {
        var settings = new EngineDocument("tiny", 0.7f, 40, 0, "square", "face-api@test");
        await RecordedJob.WriteAsync(_buckets.Work, _bus, Job, frames: 3, settings);

        var manifest = await new DatasetPublishing(_buckets.Work, _buckets.Datasets).PublishAsync(Job, CancellationToken.None);

        Assert.Equal(new RunParameters(0.5, "tiny", 0.7f, 40, 0, "square", 0.45f, 2, "face-api@test", ValFraction: TrainValSplit.DefaultValFraction), manifest.Parameters);
        Assert.NotNull(await _buckets.Datasets.GetAsync($"{Job}/{DatasetPaths.Manifest}"));
        Assert.Equal(manifest.Parameters, ManifestJson.Read(await DownloadAsync($"{Job}/{DatasetPaths.Manifest}")).Parameters);
    }

    [Fact]
    public async Task EveryFrameAndPortrait_IsPublished()
    {
        await RecordedJob.WriteAsync(_buckets.Work, _bus, Job, frames: 3, RecordedJob.DefaultSettings);

        var manifest = await new DatasetPublishing(_buckets.Work, _buckets.Datasets).PublishAsync(Job, CancellationToken.None);

        Assert.Equal(3, manifest.Frames.Count);
        foreach (var frame in manifest.Frames)
        {
            Assert.NotNull(await _buckets.Datasets.GetAsync($"{Job}/{DatasetPaths.Images}/{frame.FileName}"));
        }

        for (var i = 0; i < manifest.Faces.Count; i++)
        {
            Assert.NotNull(await _buckets.Datasets.GetAsync($"{Job}/{manifest.CropPath(i)}"));
        }
    }

    [Fact]
    public async Task PublishingAgain_AfterAnExporterRestart_GivesTheSameDataset()
    {
        await RecordedJob.WriteAsync(_buckets.Work, _bus, Job, frames: 3);
        await new DatasetPublishing(_buckets.Work, _buckets.Datasets).PublishAsync(Job, CancellationToken.None);
        var first = Snapshot();

        await new DatasetPublishing(_buckets.Work, _buckets.Datasets).PublishAsync(Job, CancellationToken.None);

        Assert.Equal(first, Snapshot());
    }

    /// <summary>Every file of the datasets store with its bytes' hash.</summary>
    private Dictionary<string, string> Snapshot() =>
        Directory.GetFiles(Path.Combine(_buckets.Root, "datasets"), "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(_buckets.Root, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));

    private async Task<string> DownloadAsync(string key)
    {
        var path = Path.Combine(_buckets.Root, Guid.NewGuid().ToString("N"));
        Assert.True(await _buckets.Datasets.DownloadToFileAsync(key, path));
        return path;
    }

    public void Dispose() => _buckets.Dispose();
}
