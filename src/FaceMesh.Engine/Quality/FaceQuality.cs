namespace FaceMesh.Engine.Quality;

/// <summary>Signals later stages filter and rank faces by.</summary>
/// <param name="BoxSize">The shorter side of the detection box, in pixels.</param>
/// <param name="Score">The detector's confidence.</param>
/// <param name="Sharpness">Variance of the Laplacian over the grey 150x150 chip; blurred faces score low (under ~50).</param>
/// <param name="Frontalness">1 for a face looking straight at the camera, falling towards 0 as it turns to a profile.</param>
public sealed record FaceQuality(float BoxSize, float Score, float Sharpness, float Frontalness);
