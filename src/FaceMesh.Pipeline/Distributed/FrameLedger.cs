using System.Collections.Concurrent;
using FaceMesh.Contracts.Messages;
using FaceMesh.Engine.Imaging;
using FaceMesh.Engine.Quality;
using FaceMesh.Pipeline.Clustering;
using FaceMesh.Pipeline.Distributed.Collections;
using FaceMesh.Pipeline.Storage;
using FaceMesh.Pipeline.Tracking;

namespace FaceMesh.Pipeline.Distributed;

/// <summary>
/// Stage 3 (in the Clusterer): records each frame's faces durably and idempotently (one object per job and frame
/// index), counts frames as a set of indexes, and clusters once every frame is accounted for. Its state lives in the
/// object store, so a restart loses nothing (<see cref="ResumeAsync"/> finishes what a stop interrupted). One Clusterer
/// instance serves a job at a time. A job of a collection is tracked here alone, then clustered with its collection
/// (<see cref="CollectionClustering"/>) once no other member is still encoding.
/// </summary>
public sealed class FrameLedger(IObjectStore store, IJobBus bus)
{
    private readonly ConcurrentDictionary<string, ChangeQueue> _queues = new();
    private readonly CollectionClustering _collections = new(store, bus);

    // This instance owns the state it writes, so it keeps it rather than reading its own writes back; each with the
    // job's submission time, since a job deleted and submitted again under its name is another job with another state.
    private readonly ConcurrentDictionary<string, (DateTimeOffset? Submitted, ClustererState State)> _states = new();

    public async Task<LedgerProgress> RecordFrameAsync(FrameOutcome frame, CancellationToken cancellationToken)
    {
        if (await new JobCancellation(store).RunningAsync(frame.JobId, cancellationToken) is not { } job)
        {
            return new LedgerProgress(0, 0);
        }

        // A failure reported after the frame was recorded (its reply was lost, then the retries ran out) changes nothing.
        var failure = string.IsNullOrEmpty(frame.Failure) ? null : frame.Failure;
        if (failure is not null
            && await JobJson.ReadAsync<FrameFacesDocument>(store, ObjectKeys.FrameFaces(frame.JobId, frame.FrameIndex), cancellationToken) is { Failure: null })
        {
            return await UpdateAsync(job, state => state, cancellationToken);
        }

        var document = new FrameFacesDocument(frame.FrameIndex, frame.TimeSeconds, frame.Width, frame.Height, failure,
            frame.Faces.Select(ToDocument).ToList(), frame.Engine, failure is null ? frame.ShotSignature : null);
        await JobJson.WriteAsync(store, ObjectKeys.FrameFaces(frame.JobId, frame.FrameIndex), document, cancellationToken);

        return await UpdateAsync(job, state =>
        {
            // A frame already done is a redelivery of the same faces: counted once. (Done never turns failed: see above.)
            var counted = state.FramesDone.Remove(frame.FrameIndex);
            state.FramesFailed.Remove(frame.FrameIndex);
            (failure is null ? state.FramesDone : state.FramesFailed).Add(frame.FrameIndex);
            return counted ? state : state with { Faces = state.Faces + document.Faces.Count };
        }, cancellationToken);
    }

    /// <summary>Learns the job's frame count and footage; a job deleted meanwhile is left alone (nothing of it is written).</summary>
    public async Task FootageSampledAsync(FootageSampled message, CancellationToken cancellationToken)
    {
        if (await JobJson.ReadAsync<ExtractorState>(store, ObjectKeys.ExtractorState(message.JobId), cancellationToken) is not { } job)
        {
            return;
        }

        await UpdateAsync(job, state => state with
        {
            FramesTotal = message.FrameCount,
            Source = new SourceDocument(message.SourceFile, message.Width, message.Height, message.FramesPerSecond, message.DurationSeconds,
                message.IntervalSeconds, message.Detector, message.Eps, message.MinSamples, message.Dataset),
        }, cancellationToken);
    }

    /// <summary>
    /// After a restart: a job whose frames are all accounted for but that was never clustered (the process stopped
    /// between the last frame and the publish, and no frame is redelivered) is clustered now. Safe to call any time.
    /// Returns the collection of a member job clustered alone but not yet published with its collection, for the
    /// caller to pass to <see cref="CollectionChangedAsync"/> once per collection.
    /// </summary>
    public async Task<string?> ResumeAsync(string jobId, CancellationToken cancellationToken)
    {
        var state = await JobJson.ReadAsync<ClustererState>(store, ObjectKeys.ClustererState(jobId), cancellationToken);
        if (state is { State: JobStates.Encoding }
            && await JobJson.ReadAsync<ExtractorState>(store, ObjectKeys.ExtractorState(jobId), cancellationToken) is { } job)
        {
            await UpdateAsync(job, s => s, cancellationToken);
            return null;
        }

        return state is { State: JobStates.Clustering, Source.Dataset: { } collection }
            && await JobJson.ReadAsync<ExporterState>(store, ObjectKeys.ExporterState(jobId), cancellationToken) is not { State: JobStates.Done }
            ? collection
            : null;
    }

    /// <summary>A member left the collection or was cancelled, or a restart found it unpublished: cluster it if it is ready.</summary>
    public Task<IReadOnlyList<string>?> CollectionChangedAsync(string collection, CancellationToken cancellationToken) =>
        _collections.TryClusterAsync(collection, cancellationToken);

    /// <summary>
    /// Applies a change to the job's state and returns once it is stored. Changes arriving while the state is being
    /// written are applied together and stored with one write (a group commit): the state document grows with the job,
    /// and writing it once per frame made a long job's bookkeeping grow with the square of its frames. No change is
    /// answered before it is stored, so an Encoder never takes a frame for recorded that a restart would lose.
    /// </summary>
    private async Task<LedgerProgress> UpdateAsync(ExtractorState job, Func<ClustererState, ClustererState> change, CancellationToken cancellationToken)
    {
        var queue = _queues.GetOrAdd(job.JobId, _ => new ChangeQueue());
        var stored = new TaskCompletionSource<LedgerProgress>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (queue.Add(job.SubmittedAt, change, stored))
        {
            // The writes are shared by every caller in the batch, so none of their cancellations stops them.
            _ = Task.Run(() => DrainAsync(job.JobId, queue), CancellationToken.None);
        }

        return await stored.Task.WaitAsync(cancellationToken);
    }

    private async Task DrainAsync(string jobId, ChangeQueue queue)
    {
        while (queue.Take() is { } batch)
        {
            try
            {
                var progress = await ApplyAsync(jobId, batch[^1].Submitted, [.. batch.Select(b => b.Change)], CancellationToken.None);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Stored.SetResult(progress[i]);
                }
            }
            catch (Exception e)
            {
                batch.ForEach(b => b.Stored.TrySetException(e));
            }
        }
    }

    private async Task<LedgerProgress[]> ApplyAsync(string jobId, DateTimeOffset? submitted, IReadOnlyList<Func<ClustererState, ClustererState>> changes, CancellationToken cancellationToken)
    {
        var state = _states.TryGetValue(jobId, out var known) && known.Submitted == submitted
            ? known.State
            : await JobJson.ReadAsync<ClustererState>(store, ObjectKeys.ClustererState(jobId), cancellationToken)
              ?? new ClustererState(jobId, 0, [], [], 0, JobStates.Encoding, 0, null, null);
        // One copy of the sets per batch (the cached state stays as stored until the write succeeds).
        state = state with { FramesDone = [.. state.FramesDone], FramesFailed = [.. state.FramesFailed] };
        var progress = new LedgerProgress[changes.Count];
        for (var i = 0; i < changes.Count; i++)
        {
            state = changes[i](state);
            progress[i] = new LedgerProgress(state.FramesDone.Count + state.FramesFailed.Count, state.FramesTotal);
        }

        var done = state.FramesDone.Count + state.FramesFailed.Count;
        var complete = state.FramesTotal > 0 && done >= state.FramesTotal && state.Source is not null;
        // The frames are counted durably before anything else may fail, so a job is never short of a recorded frame.
        await SaveAsync(state, submitted, cancellationToken);
        if (complete && state.State == JobStates.Encoding)
        {
            var cancelled = await new JobCancellation(store).IsRequestedAsync(jobId, cancellationToken);
            state = cancelled ? state with { State = JobStates.Cancelled } : await ClusterAsync(state, cancellationToken);
            await SaveAsync(state, submitted, cancellationToken);
        }

        // A member is clustered with its collection; should that fail, the frame's redelivery (or ResumeAsync) tries again.
        if (complete && state is { State: JobStates.Clustering, Source.Dataset: { } collection })
        {
            await _collections.TryClusterAsync(collection, cancellationToken);
        }

        return progress;
    }

    private async Task SaveAsync(ClustererState state, DateTimeOffset? submitted, CancellationToken cancellationToken)
    {
        await JobJson.WriteAsync(store, ObjectKeys.ClustererState(state.JobId), state, cancellationToken);
        _states[state.JobId] = (submitted, state);
    }

    private async Task<ClustererState> ClusterAsync(ClustererState state, CancellationToken cancellationToken)
    {
        var frames = await JobRecords.ReadFramesAsync(store, state.JobId, state.FramesDone, cancellationToken);
        var faces = frames.SelectMany(frame => frame.Faces.Select(f => ToRecord(frame, f))).ToList();

        // Shots and tracks as facemesh run finds them, so clustering keeps a track together in both modes.
        var shots = ShotSignature.Shots([.. frames.Select(f => f.ShotSignature)]);
        TrackLinker.Link([.. frames.Select((f, i) => new FrameRecord(f.FrameIndex, f.TimeSeconds, f.Width, f.Height, 0, shots[i]))], faces, firstTrack: 0);
        var source = state.Source!;
        var clusters = FaceClustering.Assign(faces, new ClusteringOptions { Eps = source.Eps, MinSamples = source.MinSamples });
        await JobJson.WriteAsync(store, ObjectKeys.Clusters(state.JobId),
            new ClustersDocument([.. faces.Select(f => f.Id)], [.. clusters], [.. faces.Select(f => f.Track)], frames.Select((f, i) => (f.FrameIndex, shots[i])).ToDictionary()),
            cancellationToken);
        var clustered = state with
        {
            State = JobStates.Clustering,
            Faces = faces.Count,
            People = clusters.Where(c => c >= 0).Distinct().Count(),
        };
        // Publish before the caller records the transition: a failure in between leaves the job Encoding and complete,
        // so the next delivery or ResumeAsync clusters and publishes again (the Exporter is idempotent). The other
        // order could leave a job Clustering with nothing ever telling the Exporter. A collection's member is
        // published with its collection instead (see UpdateAsync).
        if (source.Dataset is null)
        {
            await bus.PublishAsync(new JobClustered(state.JobId), cancellationToken);
        }

        return clustered;
    }

    /// <summary>A face as the frame's record stores it (the storage schema stays put when the domain type changes).</summary>
    public static FaceDocument ToDocument(FaceRecord face) => new(
        face.Id, face.Box.ToArray(), face.Landmarks,
        face.Quality.BoxSize, face.Quality.Score, face.Quality.Sharpness, face.Quality.Frontalness, face.Descriptor);

    public static FaceRecord ToRecord(FrameFacesDocument frame, FaceDocument face) => new(
        face.Id,
        frame.FrameIndex,
        frame.TimeSeconds,
        new BoxF(face.Box[0], face.Box[1], face.Box[2], face.Box[3]),
        face.Landmarks,
        new FaceQuality(face.BoxSize, face.Score, face.Sharpness, face.Frontalness),
        face.Descriptor);
}
