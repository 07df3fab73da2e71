using FaceMesh.Contracts.V1;
using FaceMesh.Pipeline.Distributed;

namespace FaceMesh.FrameExtractor;

/// <summary>The one mapping between the public API's messages and the pipeline's job types.</summary>
public static class JobMessages
{
    public static JobRequest ToRequest(SubmitHeader header) => new(
        header.JobName, header.FileName, header.SizeBytes,
        header.Options?.IntervalSeconds ?? 0, header.Options?.Detector ?? string.Empty, header.Options?.Eps ?? 0, header.Options?.MinSamples ?? 0,
        header.Dataset);

    public static Job ToJob(JobView view)
    {
        var job = new Job
        {
            JobId = view.JobId,
            State = view.Phase switch
            {
                JobPhase.Sampling => JobState.Sampling,
                JobPhase.Encoding => JobState.Encoding,
                JobPhase.Clustering => JobState.Clustering,
                JobPhase.Exporting => JobState.Exporting,
                JobPhase.Done => JobState.Done,
                JobPhase.Failed => JobState.Failed,
                JobPhase.Cancelled => JobState.Cancelled,
                _ => JobState.Unspecified,
            },
            Reason = view.Reason,
            FramesSampled = view.FramesSampled,
            FramesTotal = view.FramesTotal,
            FramesEncoded = view.FramesEncoded,
            FramesFailed = view.FailedFrames.Count,
            Faces = view.Faces,
            People = view.People,
            DatasetBucket = view.DatasetBucket,
            DatasetPrefix = view.DatasetPrefix,
            Dataset = view.Submitted.Dataset ?? string.Empty,
            Options = new JobOptions
            {
                IntervalSeconds = view.Submitted.IntervalSeconds,
                Detector = view.Submitted.Detector,
                Eps = view.Submitted.Eps,
                MinSamples = view.Submitted.MinSamples,
            },
        };
        job.FailedFrames.Add(view.FailedFrames);
        return job;
    }
}
