using FaceMesh.Pipeline.Export;

namespace FaceMesh.Pipeline.Tests;

public sealed class TrainValSplitTests
{
    /// <summary>Two videos of three shots, 30 frames each: 180 frames, 12 blocks (20 and 10 frames per shot).</summary>
    private static List<FrameRecord> Frames(int videos = 2) =>
        [.. Enumerable.Range(0, videos * 90).Select(i => new FrameRecord(i, i % 90, 1280, 720, Source: i / 90, Shot: i % 90 / 30))];

    [Fact]
    public void TheSplit_IsTheSameEveryTime_InWholeBlocksOfAShot_NearTheFraction()
    {
        var frames = Frames();

        var val = TrainValSplit.ValFrames(frames, 0.2);

        Assert.Equal(val, TrainValSplit.ValFrames(frames.AsEnumerable().Reverse().ToList(), 0.2));
        Assert.InRange(val.Count, 36, 36 + 20);
        foreach (var block in frames.GroupBy(f => (f.Source, f.Shot, (f.Index % 30) / TrainValSplit.BlockFrames)))
        {
            Assert.True(block.All(f => val.Contains(f.Index)) || block.All(f => !val.Contains(f.Index)), $"block {block.Key} is split");
        }
    }

    [Fact]
    public void AddingAVideo_KeepsTheFirstVideosSplit_WhereItsBlocksStillFit()
    {
        var before = TrainValSplit.ValFrames(Frames(videos: 1), 0.5);
        var after = TrainValSplit.ValFrames(Frames(videos: 2), 0.5);

        Assert.NotEmpty(before);
        Assert.Contains(after, before.Contains);
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.2, 1)]
    public void ASingleBlock_StaysInTrain_AndZeroFractionMeansNoVal(double fraction, int blocks)
    {
        var frames = Enumerable.Range(0, 10 * blocks).Select(i => new FrameRecord(i, i, 100, 100)).ToList();

        Assert.Empty(TrainValSplit.ValFrames(frames, fraction));
    }

    [Fact]
    public void DataYaml_PointsAtTheDatasetsFolder_AndCanBeRepointed()
    {
        var yaml = YoloLabels.DataYaml(["Amy \"A\""], "/data/show");

        Assert.Contains("path: \"/data/show\"", yaml);
        Assert.Contains("0: \"Amy \\\"A\\\"\"", yaml);
        var moved = YoloLabels.WithPath(yaml, "/home/me/show");
        Assert.Contains("path: \"/home/me/show\"", moved);
        Assert.DoesNotContain("/data/show", moved);
        Assert.Contains("path: \".\"", YoloLabels.DataYaml(["Amy"], datasetPath: null));
    }
}
