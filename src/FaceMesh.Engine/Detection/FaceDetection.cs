using FaceMesh.Engine.Imaging;

namespace FaceMesh.Engine.Detection;

/// <summary>A detected face: its box in the original image's pixels and the detector's confidence.</summary>
public readonly record struct FaceDetection(BoxF Box, float Score);
