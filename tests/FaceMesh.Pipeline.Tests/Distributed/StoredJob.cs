using FaceMesh.Pipeline.Distributed;
using FaceMesh.Pipeline.Storage;

namespace FaceMesh.Pipeline.Tests.Distributed;

/// <summary>A job as the FrameExtractor's submit stores it: the document every later stage checks the job by.</summary>
public static class StoredJob
{
    public static async Task<ExtractorState> WriteAsync(IObjectStore store, string jobId, string file = "clip.mp4", string state = JobStates.Sampling,
        double intervalSeconds = 1, int framesSampled = 0, int framesTotal = 0, string? owner = null, string? dataset = null)
    {
        var job = new ExtractorState(jobId, file, intervalSeconds, "ssd", 0.5f, 3, state, framesSampled, framesTotal, null, owner, DateTimeOffset.UtcNow, dataset);
        await JobJson.WriteAsync(store, ObjectKeys.ExtractorState(jobId), job);
        return job;
    }
}
