using FaceMesh.Engine.Imaging;
using FaceMesh.Engine.Landmarks;
using FaceMesh.Engine.Quality;

namespace FaceMesh.Engine;

/// <summary>One face found in an image: where it is, its landmarks, how usable it is and its 128-d descriptor.</summary>
public sealed record Face(BoxF Box, float Score, FaceLandmarks68 Landmarks, FaceQuality Quality, float[] Descriptor);
