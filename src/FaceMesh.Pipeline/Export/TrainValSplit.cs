namespace FaceMesh.Pipeline.Export;

/// <summary>
/// A reproducible train/val split of a dataset's frames. Neighbouring frames of one shot are near copies, so frames go
/// to val in whole blocks (up to <see cref="BlockFrames"/> consecutive frames of one shot of one video), blocks chosen in
/// an order fixed by a hash of their place (not random per run), until <c>fraction</c> of the frames are in val. Adding
/// a video adds blocks without moving the others' order.
/// </summary>
public static class TrainValSplit
{
    public const double DefaultValFraction = 0.2;
    public const int BlockFrames = 20;

    /// <summary>The frame indexes that go to val.</summary>
    public static IReadOnlySet<int> ValFrames(IReadOnlyList<FrameRecord> frames, double fraction)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fraction, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(fraction, 1);
        var blocks = frames
            .GroupBy(f => (f.Source, f.Shot))
            .SelectMany(shot => shot.OrderBy(f => f.Index).Select((f, i) => (Key: (shot.Key.Source, shot.Key.Shot, Block: i / BlockFrames), Frame: f.Index)))
            .GroupBy(x => x.Key, x => x.Frame)
            .OrderBy(block => Hash(block.Key.Source, block.Key.Shot, block.Key.Block))
            .ThenBy(block => block.Key)
            .ToList();
        var val = new HashSet<int>();
        var wanted = fraction * frames.Count;
        foreach (var block in blocks.Take(Math.Max(0, blocks.Count - 1)))
        {
            if (val.Count >= wanted)
            {
                break;
            }

            val.UnionWith(block);
        }

        return val;
    }

    /// <summary>Ultralytics image lists: one <c>./images/...</c> line per frame, relative to the list file's folder.</summary>
    public static string ImageList(IEnumerable<FrameRecord> frames) =>
        string.Concat(frames.Select(f => $"./{DatasetPaths.Images}/{f.FileName}\n"));

    private static ulong Hash(int source, int shot, int block)
    {
        // FNV-1a over the block's place: the same order on every machine and run.
        var hash = 14695981039346656037UL;
        foreach (var value in new[] { source, shot, block })
        {
            for (var b = 0; b < 4; b++)
            {
                hash = (hash ^ (byte)(value >> (8 * b))) * 1099511628211UL;
            }
        }

        return hash;
    }
}
