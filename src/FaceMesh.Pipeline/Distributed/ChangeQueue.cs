namespace FaceMesh.Pipeline.Distributed;

/// <summary>
/// The changes to one job's Clusterer state waiting to be stored, each with the job's submission time (which job of
/// that name it is) and the task its caller awaits. One drainer
/// at a time takes everything waiting as a batch (see <see cref="FrameLedger"/>'s group commit).
/// </summary>
internal sealed class ChangeQueue
{
    private readonly Lock _sync = new();
    private List<(DateTimeOffset? Submitted, Func<ClustererState, ClustererState> Change, TaskCompletionSource<LedgerProgress> Stored)> _waiting = [];
    private bool _draining;

    /// <summary>Queues a change; true when no drainer runs, so the caller must start one.</summary>
    public bool Add(DateTimeOffset? submitted, Func<ClustererState, ClustererState> change, TaskCompletionSource<LedgerProgress> stored)
    {
        lock (_sync)
        {
            _waiting.Add((submitted, change, stored));
            var start = !_draining;
            _draining = true;
            return start;
        }
    }

    /// <summary>Everything waiting, in arrival order; null (and the drainer stops) when nothing is.</summary>
    public List<(DateTimeOffset? Submitted, Func<ClustererState, ClustererState> Change, TaskCompletionSource<LedgerProgress> Stored)>? Take()
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
