using FaceMesh.Contracts.Messages;
using FaceMesh.Engine;
using FaceMesh.Engine.Imaging;
using FaceMesh.Engine.Models;
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
            await ReportFailureAsync(message, e.Message, cancellationToken);
            return;
        }

        for (var i = 0; i < encoded.Faces.Count; i++)
        {
            await store.PutBytesAsync(ObjectKeys.Portrait(message.JobId, encoded.Faces[i].Id), encoded.Portraits[i], "image/jpeg", cancellationToken);
        }

        await sink.RecordFrameAsync(
            new FrameOutcome(message.JobId, message.FrameIndex, message.TimeSeconds, encoded.Frame.Width, encoded.Frame.Height, encoded.Faces, Settings(engine.Options), null, encoded.Signature),
            cancellationToken);
    }

    /// <summary>Reports a frame that kept failing, so the job can still finish without it.</summary>
    public Task ReportFailureAsync(EncodeFrame message, string reason, CancellationToken cancellationToken) =>
        sink.RecordFrameAsync(FrameOutcome.Failed(message.JobId, message.FrameIndex, message.TimeSeconds, reason), cancellationToken);

    /// <summary>What the manifest reports as the run's parameters: the settings of the engine that really ran.</summary>
    public static EngineDocument Settings(FaceEngineOptions options) => new(
        options.Detector.ToString().ToLowerInvariant(),
        options.MinConfidence,
        options.MinFaceSize,
        options.TileSize,
        options.Alignment.ToString().ToLowerInvariant(),
        ModelFolder.Release,
        EngineParameters.Precision(options));
}
