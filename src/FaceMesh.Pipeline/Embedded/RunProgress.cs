namespace FaceMesh.Pipeline.Embedded;

/// <summary>A progress snapshot: frames sampled (and the expected total when the container says), encoded, faces, exported.</summary>
public sealed record RunProgress(string Stage, int Sampled, int? ExpectedFrames, int Encoded, int Faces, int Exported, int FacesToExport);
