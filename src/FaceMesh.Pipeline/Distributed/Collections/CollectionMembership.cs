using FaceMesh.Pipeline.Storage;

namespace FaceMesh.Pipeline.Distributed.Collections;

/// <summary>
/// Who belongs to which collection: the FrameExtractor's side. The member list is read, changed and written back, one
/// change at a time in this process (the FrameExtractor runs once, as it does for the job index).
/// </summary>
public sealed class CollectionMembership(IObjectStore work)
{
    private static readonly SemaphoreSlim Lock = new(1, 1);

    /// <summary>Refuses, before the upload is received, a collection someone else started.</summary>
    public async Task EnsureMayJoinAsync(string collection, Caller caller, CancellationToken cancellationToken)
    {
        if (await JobJson.ReadAsync<CollectionDocument>(work, ObjectKeys.Collection(collection), cancellationToken) is { } existing && !MayJoin(existing, caller))
        {
            throw new JobRequestException($"dataset '{collection}' belongs to another user", JobRefusal.NotOwner);
        }
    }

    /// <summary>Adds the job to its collection, creating the collection with the job's clustering settings if it is the first.</summary>
    public async Task<CollectionDocument> JoinAsync(ExtractorState job, Caller caller, CancellationToken cancellationToken)
    {
        var name = job.Dataset ?? throw new ArgumentException($"job {job.JobId} names no dataset", nameof(job));
        var joined = await ChangeAsync(name, current =>
        {
            var collection = current ?? new CollectionDocument(name, job.Owner, DateTimeOffset.UtcNow, job.Eps, job.MinSamples, []);
            if (!MayJoin(collection, caller))
            {
                throw new JobRequestException($"dataset '{name}' belongs to another user", JobRefusal.NotOwner);
            }

            return collection.Jobs.Contains(job.JobId) ? collection : collection with { Jobs = [.. collection.Jobs, job.JobId] };
        }, cancellationToken);
        return joined!;
    }

    /// <summary>Takes the job out of its collection; returns the jobs left in it.</summary>
    public async Task<IReadOnlyList<string>> LeaveAsync(string collection, string jobId, CancellationToken cancellationToken)
    {
        var changed = await ChangeAsync(collection, current => current is null ? null : current with { Jobs = current.Jobs.Where(j => j != jobId).ToList() }, cancellationToken);
        return changed?.Jobs ?? [];
    }

    public Task<CollectionDocument?> GetAsync(string collection, CancellationToken cancellationToken) =>
        JobJson.ReadAsync<CollectionDocument>(work, ObjectKeys.Collection(collection), cancellationToken);

    private static bool MayJoin(CollectionDocument collection, Caller caller) => caller.IsAdmin || collection.Owner is null || collection.Owner == caller.Id;

    private async Task<CollectionDocument?> ChangeAsync(string name, Func<CollectionDocument?, CollectionDocument?> change, CancellationToken cancellationToken)
    {
        await Lock.WaitAsync(cancellationToken);
        try
        {
            var current = await GetAsync(name, cancellationToken);
            var changed = change(current);
            if (changed is not null && !ReferenceEquals(changed, current))
            {
                await JobJson.WriteAsync(work, ObjectKeys.Collection(name), changed, cancellationToken);
            }

            return changed;
        }
        finally
        {
            Lock.Release();
        }
    }
}
