namespace FaceMesh.Pipeline.Encoding;

/// <summary>
/// What encoding one frame produced: the frame's record, its faces, the frame JPEG, a portrait per face and the frame's
/// <see cref="Tracking.ShotSignature"/>.
/// </summary>
public sealed record EncodedFrame(FrameRecord Frame, IReadOnlyList<FaceRecord> Faces, byte[] FrameJpeg, IReadOnlyList<byte[]> Portraits, byte[] Signature);
