using System.Collections.Concurrent;
using FaceMesh.Pipeline.Distributed;
using FaceMesh.Review;
using FaceMesh.Storage;

namespace FaceMesh.Exporter;

/// <summary>
/// One review session per dataset in the datasets bucket, so edits to one dataset apply one at a time. The jobs of a
/// collection share its dataset, so <c>/review/&lt;job&gt;/</c> of any of them opens the same session.
/// </summary>
public sealed class ReviewSessions(ObjectStores stores) : IDisposable
{
    private const string DatasetPrefixItem = "facemesh.review.dataset-prefix";

    private readonly ConcurrentDictionary<string, ReviewSession> _sessions = new(StringComparer.Ordinal);

    /// <summary>The session of the dataset <see cref="MayOpenAsync"/> found for the request's job (it always runs first).</summary>
    public ReviewSession? For(HttpContext context) =>
        context.Items[DatasetPrefixItem] is string prefix
            ? _sessions.GetOrAdd(prefix, p => new ReviewSession(stores.Datasets, p, p.TrimEnd('/')))
            : null;

    /// <summary>Only the job's owner (or an admin) reviews its dataset.</summary>
    public async Task<bool> MayOpenAsync(HttpContext context, Caller caller)
    {
        if (context.GetRouteValue("job") is not string job || !ObjectKeys.IsValidJobName(job)
            || await JobJson.ReadAsync<ExtractorState>(stores.Work, ObjectKeys.ExtractorState(job), context.RequestAborted) is not { } state
            || !caller.Owns(state))
        {
            return false;
        }

        context.Items[DatasetPrefixItem] = ObjectKeys.DatasetPrefix(job, state.Dataset);
        return true;
    }

    public void Dispose()
    {
        foreach (var session in _sessions.Values)
        {
            session.Dispose();
        }
    }
}
