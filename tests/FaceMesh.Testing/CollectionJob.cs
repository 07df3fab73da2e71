using FaceMesh.Contracts.Messages;
using FaceMesh.Engine.Imaging;
using FaceMesh.Engine.Quality;
using FaceMesh.Pipeline;
using FaceMesh.Pipeline.Distributed;
using FaceMesh.Pipeline.Distributed.Collections;
using FaceMesh.Pipeline.Storage;
using OpenCvSharp;

namespace FaceMesh.Testing;

/// <summary>
/// A job of a collection as the services leave it: submitted (joining the collection), sampled, and its frames
/// recorded by the Clusterer's ledger, one face per frame whose descriptor is that of the identity given for the frame
/// (identities far apart, faces of one identity close together). Frames may be recorded later, one by one.
/// </summary>
public sealed class CollectionJob(IObjectStore work, FrameLedger ledger, string jobId, string[] identities)
{
    public string JobId { get; } = jobId;

    public static async Task<CollectionJob> SubmitAsync(IObjectStore work, FrameLedger ledger, string collection, string jobId, params string[] identities)
    {
        var job = new ExtractorState(jobId, $"{jobId}.mp4", 1, "ssd", 0.5f, 3, JobStates.Encoding, identities.Length, identities.Length, null, "alice",
            DateTimeOffset.UtcNow, collection);
        await JobJson.WriteAsync(work, ObjectKeys.ExtractorState(jobId), job);
        await new CollectionMembership(work).JoinAsync(job, new Caller("alice", false), CancellationToken.None);
        await new JobCatalog(work, "datasets").AddToIndexAsync(jobId, CancellationToken.None);
        await ledger.FootageSampledAsync(new FootageSampled(jobId, identities.Length, job.SourceFile, 160, 120, 10, identities.Length, 1, "ssd", 0.5f, 3, collection),
            CancellationToken.None);
        return new CollectionJob(work, ledger, jobId, identities);
    }

    public async Task RecordAsync(int index)
    {
        using var image = new Mat(120, 160, MatType.CV_8UC3, Scalar.All(40 + (index * 10)));
        var jpeg = image.ImEncode(".jpg");
        await work.PutBytesAsync(ObjectKeys.Frame(JobId, index), jpeg, "image/jpeg");
        var face = new FaceRecord(FaceRecord.MakeId(index, 0), index, index, new BoxF(40, 30, 80, 70), new float[136], new FaceQuality(40, 0.9f, 100, 1),
            Descriptor(identities[index], index));
        await work.PutBytesAsync(ObjectKeys.Portrait(JobId, face.Id), jpeg, "image/jpeg");
        await ledger.RecordFrameAsync(new FrameOutcome(JobId, index, index, 160, 120, [face], new EngineDocument("ssd", 0.5f, 16, 720, "rotated", "m"), null), CancellationToken.None);
    }

    public async Task RecordAllAsync()
    {
        for (var i = 0; i < identities.Length; i++)
        {
            await RecordAsync(i);
        }
    }

    /// <summary>A unit vector per identity (from its name), moved by 0.05 per face: faces of one identity lie within 0.1.</summary>
    private static float[] Descriptor(string identity, int face)
    {
        var random = new Random(identity.Aggregate(17, (hash, c) => (hash * 31) + c));
        var vector = Enumerable.Range(0, 128).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        var descriptor = vector.Select(v => v / norm).ToArray();
        descriptor[face % 128] += 0.05f;
        return descriptor;
    }
}
