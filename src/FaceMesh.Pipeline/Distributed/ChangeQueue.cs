namespace FaceMesh.Pipeline.Distributed;

/// <summary>
/// The changes to one job's Clusterer state waiting to be stored. One drainer at a time takes everything waiting as a
/// batch (see <see cref="FrameLedger"/>'s group commit).
/// </summary>
internal sealed class ChangeQueue
{
    private readonly Lock _sync = new();
    private List<QueuedChange> _waiting = [];
    private bool _draining;

    /// <summary>Queues a change; true when no drainer runs, so the caller must start one.</summary>
    public bool Add(DateTimeOffset? submitted, Func<ClustererState, ClustererState> change, TaskCompletionSource<LedgerProgress> stored)
    {
        lock (_sync)
        {
            _waiting.Add(new QueuedChange(submitted, change, stored));
            var start = !_draining;
            _draining = true;
            return start;
        }
    }

    /// <summary>Everything waiting, in arrival order; null (and the drainer stops) when nothing is.</summary>
    public List<QueuedChange>? Take()
    {
        lock (_sync)
        {
            if (_waiting.Count == 0)
            {
                _draining = false;
                return null;
            }

            var batch = _waiting;
            _waiting = [];
            return batch;
        }
    }
}

/// <summary>A change waiting: the job's submission time (which job of that name it is), the change, and the task its caller awaits.</summary>
internal sealed record QueuedChange(DateTimeOffset? Submitted, Func<ClustererState, ClustererState> Change, TaskCompletionSource<LedgerProgress> Stored);
