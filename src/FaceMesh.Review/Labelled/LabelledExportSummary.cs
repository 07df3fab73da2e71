namespace FaceMesh.Review.Labelled;

public sealed record LabelledExportSummary(string Output, IReadOnlyList<LabelledClass> Classes, int Faces);
