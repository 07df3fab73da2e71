using FaceMesh.Engine.Imaging;
using FaceMesh.Engine.Quality;

namespace FaceMesh.Pipeline;

/// <summary>
/// One face of one sampled frame, as the manifest records it. <see cref="Id"/> is stable across re-clustering.
/// <see cref="Landmarks"/>: the 68 points as x0, y0, x1, y1, ... (one array, not 68: a collection holds 150,000 faces).
/// <see cref="Track"/>: the faces of one person followed through consecutive frames of a shot share it (-1: not tracked).
/// </summary>
public sealed record FaceRecord(
    string Id,
    int Frame,
    double TimeSeconds,
    BoxF Box,
    float[] Landmarks,
    FaceQuality Quality,
    float[] Descriptor,
    int Track = -1)
{
    public static string MakeId(int frame, int face) => $"{frame:D6}_{face:D2}";
}
