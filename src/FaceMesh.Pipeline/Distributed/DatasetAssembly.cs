using FaceMesh.Pipeline.Export;

namespace FaceMesh.Pipeline.Distributed;

/// <summary>
/// The frames and faces of one or more clustered jobs as one dataset's: frames numbered on from job to job (in the
/// order given), tracks too, each frame and face with the work-bucket key its pixels are fetched from. A job alone
/// keeps its face ids; in a collection each is prefixed with its job's id, so ids stay unique and stable however the
/// collection grows or shrinks (the review's edits are anchored to them).
/// </summary>
public sealed record DatasetAssembly(
    IReadOnlyList<SourceInfo> Sources,
    IReadOnlyList<FrameRecord> Frames,
    IReadOnlyList<string> FrameKeys,
    IReadOnlyList<FaceRecord> Faces,
    IReadOnlyList<string> PortraitKeys)
{
    public static DatasetAssembly Of(IReadOnlyList<JobRecords> jobs, bool collection)
    {
        List<SourceInfo> sources = [];
        List<FrameRecord> frames = [];
        List<string> frameKeys = [];
        List<FaceRecord> faces = [];
        List<string> portraitKeys = [];
        int frameOffset = 0, trackOffset = 0;
        foreach (var job in jobs)
        {
            var source = job.Source;
            sources.Add(new SourceInfo(source.File, source.Width, source.Height, source.FramesPerSecond, source.DurationSeconds));
            var tracks = job.Clusters.Tracks is { } known
                ? job.Clusters.FaceIds.Zip(known).ToDictionary(p => p.First, p => p.Second)
                : [];
            foreach (var frame in job.Frames)
            {
                var index = frameOffset + frame.FrameIndex;
                frames.Add(new FrameRecord(index, frame.TimeSeconds, frame.Width, frame.Height, sources.Count - 1, job.Clusters.Shots?.GetValueOrDefault(frame.FrameIndex) ?? 0));
                frameKeys.Add(ObjectKeys.Frame(job.JobId, frame.FrameIndex));
                foreach (var face in frame.Faces)
                {
                    var track = tracks.GetValueOrDefault(face.Id, -1);
                    faces.Add(FrameLedger.ToRecord(frame, face) with
                    {
                        Id = collection ? $"{job.JobId}-{face.Id}" : face.Id,
                        Frame = index,
                        Track = track >= 0 ? trackOffset + track : -1,
                    });
                    portraitKeys.Add(ObjectKeys.Portrait(job.JobId, face.Id));
                }
            }

            frameOffset += job.Frames.Length == 0 ? 0 : job.Frames.Max(f => f.FrameIndex) + 1;
            trackOffset += tracks.Count == 0 ? 0 : Math.Max(0, tracks.Values.Max() + 1);
        }

        return new DatasetAssembly(sources, frames, frameKeys, faces, portraitKeys);
    }
}
