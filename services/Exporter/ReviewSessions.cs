using System.Collections.Concurrent;
using FaceMesh.Pipeline.Distributed;
using FaceMesh.Review;
using FaceMesh.Storage;

namespace FaceMesh.Exporter;

/// <summary>One review session per job's dataset in the datasets bucket, so edits to one job apply one at a time.</summary>
public sealed class ReviewSessions(ObjectStores stores) : IDisposable
{
    private readonly ConcurrentDictionary<string, ReviewSession> _sessions = new(StringComparer.Ordinal);

    public ReviewSession? For(HttpContext context) =>
        context.GetRouteValue("job") is string job && ObjectKeys.IsValidJobName(job)
            ? _sessions.GetOrAdd(job, name => new ReviewSession(stores.Datasets, $"{name}/", name))
            : null;

    /// <summary>Only the job's owner (or an admin) reviews its dataset.</summary>
    public async Task<bool> MayOpenAsync(HttpContext context, Caller caller) =>
        context.GetRouteValue("job") is string job && ObjectKeys.IsValidJobName(job)
        && await JobJson.ReadAsync<ExtractorState>(stores.Work, ObjectKeys.ExtractorState(job), context.RequestAborted) is { } state
        && caller.Owns(state);

    public void Dispose()
    {
        foreach (var session in _sessions.Values)
        {
            session.Dispose();
        }
    }
}
