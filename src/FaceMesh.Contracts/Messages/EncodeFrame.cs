namespace FaceMesh.Contracts.Messages;

/// <summary>Command to an encoder: find and describe the faces of one stored frame.</summary>
public record EncodeFrame(string JobId, int FrameIndex, double TimeSeconds, string FrameKey, string Detector);
