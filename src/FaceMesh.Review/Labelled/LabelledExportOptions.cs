namespace FaceMesh.Review.Labelled;

/// <param name="IncludeUnnamed">Export people nobody named yet, under their placeholder names.</param>
/// <param name="IncludeDiscarded">Ignore face discards and the quality filter (discarded people stay out).</param>
/// <param name="Dedupe">Drop near-duplicate faces of one track (<see cref="TrackDeduplication"/>): ImageFolder only, since
/// the detection formats label whole frames and must keep every face in them.</param>
public sealed record LabelledExportOptions(LabelledFormat Format, bool IncludeUnnamed = false, bool IncludeDiscarded = false, bool Force = false, bool Dedupe = false);
