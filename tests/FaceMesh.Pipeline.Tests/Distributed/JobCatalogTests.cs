using FaceMesh.Contracts.V1;
using FaceMesh.Pipeline.Distributed;
using FaceMesh.Storage;

namespace FaceMesh.Pipeline.Tests.Distributed;

/// <summary>How the public job view is merged from the documents each stage writes.</summary>
public sealed class JobCatalogTests : IDisposable
{
    private const string Job = "viewed";
    private readonly string _root = Directory.CreateTempSubdirectory("facemesh-catalog-").FullName;
    private readonly LocalFolderObjectStore _store;

    public JobCatalogTests() => _store = new LocalFolderObjectStore(_root);

    [Theory]
    [InlineData(JobStates.Sampling, null, null, false, JobPhase.Sampling)]
    [InlineData(JobStates.Encoding, JobStates.Encoding, null, false, JobPhase.Encoding)]
    [InlineData(JobStates.Encoding, JobStates.Clustering, null, false, JobPhase.Clustering)]
    [InlineData(JobStates.Encoding, JobStates.Clustering, JobStates.Exporting, false, JobPhase.Exporting)]
    [InlineData(JobStates.Encoding, JobStates.Clustering, JobStates.Done, false, JobPhase.Done)]
    [InlineData(JobStates.Failed, null, null, false, JobPhase.Failed)]
    [InlineData(JobStates.Sampling, null, null, true, JobPhase.Cancelled)]
    [InlineData(JobStates.Encoding, JobStates.Clustering, JobStates.Exporting, true, JobPhase.Cancelled)]
    [InlineData(JobStates.Failed, null, null, true, JobPhase.Cancelled)]
    [InlineData(JobStates.Encoding, JobStates.Clustering, JobStates.Done, true, JobPhase.Done)]
    public async Task TheView_FollowsTheFurthestStage_ACancelUnlessTheDatasetIsDone(string extractor, string? clusterer, string? exporter, bool cancel, JobPhase expected)
    {
        await StoredJob.WriteAsync(_store, Job, state: extractor, framesSampled: 4, framesTotal: 4);
        if (clusterer is not null)
        {
            await JobJson.WriteAsync(_store, ObjectKeys.ClustererState(Job), new ClustererState(Job, 4, [0, 1, 2], [3], 5, clusterer, 2, null, null));
        }

        if (exporter is not null)
        {
            await JobJson.WriteAsync(_store, ObjectKeys.ExporterState(Job), new ExporterState(Job, exporter, null, "datasets", $"{Job}/"));
        }

        if (cancel)
        {
            await new JobCancellation(_store).RequestAsync(Job, CancellationToken.None);
        }

        var job = await new JobCatalog(_store, "datasets").GetAsync(Job, CancellationToken.None);

        Assert.Equal(expected, job!.Phase);
        Assert.Equal(clusterer is null ? (0, 0) : (3, 1), (job.FramesEncoded, job.FailedFrames.Count));
    }

    [Fact]
    public async Task AnUnknownJob_IsNull()
    {
        Assert.Null(await new JobCatalog(_store, "datasets").GetAsync("nobody", CancellationToken.None));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
