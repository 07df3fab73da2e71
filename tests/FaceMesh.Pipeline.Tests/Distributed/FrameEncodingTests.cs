using FaceMesh.Contracts.Messages;
using FaceMesh.Engine;
using FaceMesh.Engine.Imaging;
using FaceMesh.Pipeline.Distributed;
using FaceMesh.Pipeline.Encoding;
using FaceMesh.Pipeline.Storage;
using FaceMesh.Storage;
using FaceMesh.Testing;

namespace FaceMesh.Pipeline.Tests.Distributed;

/// <summary>The Encoder's stage over a local-folder store and a recording sink, with the real face engine.</summary>
public sealed class FrameEncodingTests : IAsyncLifetime
{
    private const string Job = "encoded";
    private readonly string _root = Directory.CreateTempSubdirectory("facemesh-encoding-").FullName;
    private readonly RecordingSink _sink = new();
    private LocalFolderObjectStore _store = null!;
    private FaceEngine _engine = null!;

    public async Task InitializeAsync()
    {
        _store = new LocalFolderObjectStore(_root);
        await StoredJob.WriteAsync(_store, Job, state: JobStates.Encoding);
        _engine = await ModelsFixture.OpenEngineAsync(new FaceEngineOptions { MinFaceSize = 20 });
    }

    [Fact]
    public async Task AFrame_GivesTheFacesFacemeshRunFinds_WithPortraits_AndTheEngineSettings()
    {
        var jpeg = FrameEncoder.ToJpeg(ImageDecoder.Load(Path.Combine(TestFootage.Fixtures, "scenes", "two_people.jpg")));
        await _store.PutBytesAsync(ObjectKeys.Frame(Job, 7), jpeg, "image/jpeg");

        await new FrameEncoding(_store, _sink).EncodeAsync(new EncodeFrame(Job, 7, 3.5, ObjectKeys.Frame(Job, 7), "ssd"), _engine, CancellationToken.None);

        var embedded = new FrameEncoder(_engine).Encode(7, 3.5, jpeg);
        var recorded = Assert.Single(_sink.Requests);
        Assert.Equal(2, embedded.Faces.Count);
        Assert.Equal(embedded.Faces.Select(f => f.Id), recorded.Faces.Select(f => f.Id));
        Assert.Equal(embedded.Faces.Select(f => f.Descriptor), recorded.Faces.Select(f => f.Descriptor));
        Assert.Equal((embedded.Frame.Width, embedded.Frame.Height, (string?)null), (recorded.Width, recorded.Height, recorded.Failure));
        Assert.Equal((20, "ssd"), (recorded.Engine!.MinFaceSize, recorded.Engine.Detector));
        foreach (var face in recorded.Faces)
        {
            Assert.NotNull(await _store.GetAsync(ObjectKeys.Portrait(Job, face.Id)));
        }
    }

    [Fact]
    public async Task ACorruptOrMissingFrame_IsReportedAsFailed_WithoutFaces()
    {
        await _store.PutBytesAsync(ObjectKeys.Frame(Job, 1), [0xFF, 0xD8, 0x00, 0x01], "image/jpeg");

        await new FrameEncoding(_store, _sink).EncodeAsync(new EncodeFrame(Job, 1, 1, ObjectKeys.Frame(Job, 1), "ssd"), _engine, CancellationToken.None);
        await new FrameEncoding(_store, _sink).EncodeAsync(new EncodeFrame(Job, 2, 2, ObjectKeys.Frame(Job, 2), "ssd"), _engine, CancellationToken.None);

        Assert.Equal([1, 2], _sink.Requests.Select(r => r.FrameIndex));
        Assert.All(_sink.Requests, r => Assert.False(string.IsNullOrEmpty(r.Failure)));
        Assert.All(_sink.Requests, r => Assert.Empty(r.Faces));
    }

    public Task DisposeAsync()
    {
        _engine.Dispose();
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    private sealed class RecordingSink : IFaceSink
    {
        public List<FrameOutcome> Requests { get; } = [];

        public Task RecordFrameAsync(FrameOutcome frame, CancellationToken cancellationToken)
        {
            Requests.Add(frame);
            return Task.CompletedTask;
        }
    }
}
