using FaceMesh.Contracts.Messages;
using FaceMesh.Contracts.V1;
using FaceMesh.Engine;
using FaceMesh.Engine.Imaging;
using FaceMesh.Pipeline.Encoding;
using FaceMesh.Pipeline.Storage;

namespace FaceMesh.Pipeline.Distributed;

/// <summary>
/// Stage 2 (in an Encoder): reads a stored frame, runs it through the same <see cref="FrameEncoder"/> as
/// <c>facemesh run</c>, stores a portrait per face and hands the faces, with the engine settings they were found with,
/// to the Clusterer. A frame that cannot be read is reported as failed rather than retried forever.
/// </summary>
public sealed class FrameEncoding(IObjectStore store, IFaceSink sink)
{
    public async Task EncodeAsync(EncodeFrame message, FaceEngine engine, CancellationToken cancellationToken)
    {
        if (await new JobCancellation(store).IsStoppedAsync(message.JobId, cancellationToken))
        {
            return;
        }

        var request = new RecordFrameRequest { JobId = message.JobId, FrameIndex = message.FrameIndex, TimeSeconds = message.TimeSeconds, Engine = EngineSettings(engine.Options) };
        var bytes = await store.GetAsync(message.FrameKey, cancellationToken);
        EncodedFrame encoded;
        try
        {
            encoded = bytes is null
                ? throw new InvalidImageException($"frame {message.FrameKey} is missing")
                : new FrameEncoder(engine).Encode(message.FrameIndex, message.TimeSeconds, bytes);
        }
        catch (InvalidImageException e)
        {
            request.Failure = e.Message;
            await sink.RecordFrameAsync(request, cancellationToken);
            return;
        }

        request.Width = encoded.Frame.Width;
        request.Height = encoded.Frame.Height;
        for (var i = 0; i < encoded.Faces.Count; i++)
        {
            var face = encoded.Faces[i];
            await store.PutBytesAsync(ObjectKeys.Portrait(message.JobId, face.Id), encoded.Portraits[i], "image/jpeg", cancellationToken);
            var data = new FaceData
            {
                Id = face.Id,
                BoxSize = face.Quality.BoxSize,
                Score = face.Quality.Score,
                Sharpness = face.Quality.Sharpness,
                Frontalness = face.Quality.Frontalness,
            };
            data.Box.Add(face.Box.ToArray());
            data.Landmarks.Add(face.Landmarks.SelectMany(p => p));
            data.Embedding.Add(face.Descriptor);
            request.Faces.Add(data);
        }

        await sink.RecordFrameAsync(request, cancellationToken);
    }

    /// <summary>Reports a frame that kept failing, so the job can still finish without it.</summary>
    public Task ReportFailureAsync(EncodeFrame message, string reason, CancellationToken cancellationToken) =>
        sink.RecordFrameAsync(new RecordFrameRequest { JobId = message.JobId, FrameIndex = message.FrameIndex, TimeSeconds = message.TimeSeconds, Failure = reason }, cancellationToken);

    /// <summary>What the manifest reports as the run's parameters: the settings of the engine that really ran.</summary>
    public static EngineSettings EngineSettings(FaceEngineOptions options) => new()
    {
        Detector = options.Detector.ToString().ToLowerInvariant(),
        MinConfidence = options.MinConfidence,
        MinFaceSize = options.MinFaceSize,
        TileSize = options.TileSize,
        Alignment = options.Alignment.ToString().ToLowerInvariant(),
        Models = Embedded.EmbeddedPipeline.ModelsVersion,
    };
}
