namespace FaceMesh.Review.Labelled;

/// <summary>One class of an export: its index (ordinal order of folders), name, folder and faces (manifest indexes).</summary>
public sealed record LabelledClass(int Index, string Name, string Folder, IReadOnlyList<int> Faces);
