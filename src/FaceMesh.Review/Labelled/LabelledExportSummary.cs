namespace FaceMesh.Pipeline.Labelled;

public sealed record LabelledExportSummary(string Output, IReadOnlyList<LabelledClass> Classes, int Faces);
