using FaceMesh.Engine.Imaging;
using FaceMesh.Engine.Quality;
using FaceMesh.Hosting.Grpc;
using FaceMesh.Pipeline;
using FaceMesh.Pipeline.Distributed;

namespace FaceMesh.Hosting.Tests.Grpc;

/// <summary>The FaceSink's wire mapping: what an Encoder sends is what the Clusterer records.</summary>
public sealed class FrameOutcomeMessagesTests
{
    [Fact]
    public void AFrame_SurvivesTheWire()
    {
        var face = new FaceRecord("000007_00", 7, 3.5, new BoxF(1.5f, 2.5f, 40.25f, 50.75f),
            Enumerable.Range(0, 68).SelectMany(i => new[] { i * 1.5f, i * 2.5f }).ToArray(), new FaceQuality(48, 0.93f, 120.5f, 0.8f),
            Enumerable.Range(0, 128).Select(i => MathF.Sin(i)).ToArray());
        var frame = new FrameOutcome("job", 7, 3.5, 640, 480, [face], new EngineDocument("ssd", 0.6f, 20, 0, "square", "models@1", "float32"), null,
            [.. Enumerable.Range(0, 144).Select(i => (byte)i)]);

        var back = FrameOutcomeMessages.FromRequest(FrameOutcomeMessages.ToRequest(frame));

        Assert.Equal((frame.JobId, frame.FrameIndex, frame.TimeSeconds, frame.Width, frame.Height, frame.Engine, frame.Failure),
            (back.JobId, back.FrameIndex, back.TimeSeconds, back.Width, back.Height, back.Engine, back.Failure));
        var got = Assert.Single(back.Faces);
        Assert.Equal((face.Id, face.Frame, face.TimeSeconds, face.Box, face.Quality), (got.Id, got.Frame, got.TimeSeconds, got.Box, got.Quality));
        Assert.Equal(face.Landmarks, got.Landmarks);
        Assert.Equal(face.Descriptor, got.Descriptor);
        Assert.Equal(frame.ShotSignature, back.ShotSignature);
    }

    [Fact]
    public void AFailure_SurvivesTheWire_WithoutFacesOrEngine()
    {
        var back = FrameOutcomeMessages.FromRequest(FrameOutcomeMessages.ToRequest(FrameOutcome.Failed("job", 3, 1.5, "corrupt")));

        Assert.Equal(("corrupt", 0, (EngineDocument?)null), (back.Failure, back.Faces.Count, back.Engine));
    }

    [Fact]
    public void AMalformedBox_IsRefused()
    {
        var request = FrameOutcomeMessages.ToRequest(new FrameOutcome("job", 1, 1, 10, 10,
            [new FaceRecord("000001_00", 1, 1, new BoxF(0, 0, 5, 5), [], new FaceQuality(5, 1, 1, 1), new float[128])], null, null));
        request.Faces[0].Box.RemoveAt(3);

        Assert.Throws<ArgumentException>(() => FrameOutcomeMessages.FromRequest(request));
    }
}
