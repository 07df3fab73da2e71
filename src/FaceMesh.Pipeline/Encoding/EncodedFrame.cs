namespace FaceMesh.Pipeline.Encoding;

/// <summary>What encoding one frame produced: the frame's record, its faces, the frame JPEG and a portrait per face.</summary>
public sealed record EncodedFrame(FrameRecord Frame, IReadOnlyList<FaceRecord> Faces, byte[] FrameJpeg, IReadOnlyList<byte[]> Portraits);
