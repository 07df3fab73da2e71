using FaceMesh.Engine.Imaging;
using FaceMesh.Engine.Quality;
using FaceMesh.Pipeline.Clustering;
using FaceMesh.Pipeline.Tracking;
using OpenCvSharp;

namespace FaceMesh.Pipeline.Tests;

/// <summary>Shots, tracks and what tracks do to clustering, on made-up frames and faces.</summary>
public sealed class TrackingTests
{
    [Fact]
    public void ACut_ChangesTheSignature_AMovingPersonDoesNot()
    {
        using var room = new Mat(720, 1280, MatType.CV_8UC3, new Scalar(70, 90, 60));
        using var moved = room.Clone();
        moved.Rectangle(new Rect(500, 200, 200, 260), new Scalar(160, 170, 190), -1);
        using var elsewhere = new Mat(720, 1280, MatType.CV_8UC3, new Scalar(200, 180, 160));

        Assert.False(ShotSignature.IsCut(ShotSignature.Of(room), ShotSignature.Of(moved)));
        Assert.True(ShotSignature.IsCut(ShotSignature.Of(moved), ShotSignature.Of(elsewhere)));
    }

    [Fact]
    public void FacesFollowedThroughAShot_AreOneTrack_AndACutEndsIt()
    {
        var anna = Descriptor(0);
        List<FrameRecord> frames = [Frame(0, shot: 0), Frame(1, shot: 0), Frame(2, shot: 0), Frame(3, shot: 1)];
        List<FaceRecord> faces = [Face(0, 0, 100, anna), Face(1, 0, 110, Near(anna, 0.3f)), Face(2, 0, 125, Near(anna, 0.6f)), Face(3, 0, 125, anna)];

        var next = TrackLinker.Link(frames, faces, firstTrack: 7);

        Assert.Equal([7, 7, 7, 8], faces.Select(f => f.Track));
        Assert.Equal(9, next);
    }

    [Fact]
    public void SomeoneElseAtTheSamePlace_IsNotLinked_AndEachFaceLinksOnce()
    {
        var anna = Descriptor(0);
        var ben = Descriptor(1);
        List<FrameRecord> frames = [Frame(0, shot: 0), Frame(1, shot: 0)];
        List<FaceRecord> faces = [Face(0, 0, 100, anna), Face(1, 0, 100, ben), Face(1, 1, 104, anna)];

        TrackLinker.Link(frames, faces, firstTrack: 0);

        Assert.Equal(faces[0].Track, faces[2].Track);
        Assert.NotEqual(faces[0].Track, faces[1].Track);
    }

    [Fact]
    public void ATrack_EndsInOnePerson_EvenWhereItsDescriptorsDrift()
    {
        // Three clear faces of one person, then the same track turning away: the turned faces are too far for DBSCAN.
        var anna = Descriptor(0);
        List<FaceRecord> faces = [.. Enumerable.Range(0, 3).Select(i => Face(i, 0, 100, Near(anna, 0.1f * i)) with { Track = 0 }),
            Face(3, 0, 100, Near(anna, 0.9f)) with { Track = 0 }, Face(4, 0, 100, Near(anna, 1.1f)) with { Track = 0 },
            .. Enumerable.Range(5, 3).Select(i => Face(i, 0, 100, Near(Descriptor(1), 0.1f * i)))];

        var clusters = FaceClustering.Assign(faces, new ClusteringOptions { Eps = 0.5f, MinSamples = 3 });

        Assert.All(clusters.Take(5), c => Assert.Equal(clusters[0], c));
        Assert.True(clusters[0] >= 0);
        Assert.NotEqual(clusters[0], clusters[5]);
    }

    [Fact]
    public void Appearances_MergeFramesAnIntervalApart_PerVideo()
    {
        FrameRecord[] frames = [Frame(0, 0, time: 0), Frame(1, 0, time: 1), Frame(2, 0, time: 2), Frame(5, 0, time: 5), new FrameRecord(9, 3, 1280, 720, Source: 1)];

        var appearances = Appearance.Of(frames, intervalSeconds: 1);

        Assert.Equal([new Appearance(0, 0, 2), new Appearance(0, 5, 5), new Appearance(1, 3, 3)], appearances);
    }

    private static FrameRecord Frame(int index, int shot, double? time = null) => new(index, time ?? index, 1280, 720, 0, shot);

    private static FaceRecord Face(int frame, int face, float left, float[] descriptor) =>
        new(FaceRecord.MakeId(frame, face), frame, frame, new BoxF(left, 100, left + 120, 250), new float[136], new FaceQuality(120, 0.9f, 100, 1), descriptor);

    /// <summary>A unit-length direction per person, scaled to 0.6 (different people about 0.85 apart).</summary>
    private static float[] Descriptor(int person)
    {
        var random = new Random(person);
        var v = Enumerable.Range(0, 128).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return [.. v.Select(x => x / norm * 0.6f)];
    }

    /// <summary>A descriptor <paramref name="distance"/> away from <paramref name="from"/>.</summary>
    private static float[] Near(float[] from, float distance)
    {
        var step = new float[128];
        step[0] = distance;
        return [.. from.Zip(step, (a, b) => a + b)];
    }
}
