using System.Numerics;
using FaceMesh.Engine.Imaging;
using FaceMesh.Engine.Landmarks;

namespace FaceMesh.Engine.Quality;

public static class QualityEstimator
{
    /// <summary>Variance of the 4-neighbour Laplacian over a planar, normalized chip, measured in grey levels.</summary>
    public static float Sharpness(ReadOnlySpan<float> chip, int size, ChannelNormalization norm)
    {
        var plane = size * size;
        var grey = new float[plane];
        var meanOfMeans = (norm.Mean[0] + norm.Mean[1] + norm.Mean[2]) / 3;
        for (var i = 0; i < plane; i++)
        {
            grey[i] = ((chip[i] + chip[plane + i] + chip[(2 * plane) + i]) / (3 * norm.Scale)) + meanOfMeans;
        }

        double sum = 0, sumOfSquares = 0;
        var count = 0;
        for (var y = 1; y < size - 1; y++)
        {
            for (var x = 1; x < size - 1; x++)
            {
                var i = (y * size) + x;
                double laplacian = grey[i - 1] + grey[i + 1] + grey[i - size] + grey[i + size] - (4 * grey[i]);
                sum += laplacian;
                sumOfSquares += laplacian * laplacian;
                count++;
            }
        }

        var mean = sum / count;
        return (float)((sumOfSquares / count) - (mean * mean));
    }

    /// <summary>
    /// How frontal the face is, from how far the nose tip sits from the middle of the jaw line, measured along the
    /// eye axis so head roll does not count: 1 when centred, 0 when the nose reaches the jaw outline.
    /// </summary>
    public static float Frontalness(FaceLandmarks68 landmarks)
    {
        var axis = Vector2.Normalize(landmarks.RightEyeCenter - landmarks.LeftEyeCenter);
        if (float.IsNaN(axis.X))
        {
            return 0;
        }

        var left = Vector2.Dot(landmarks.Points[0], axis);
        var right = Vector2.Dot(landmarks.Points[16], axis);
        var nose = Vector2.Dot(landmarks.NoseTip, axis);
        var width = right - left;
        if (width <= 1e-3f)
        {
            return 0;
        }

        var offset = Math.Abs(nose - ((left + right) / 2)) / (width / 2);
        return Math.Clamp(1 - offset, 0, 1);
    }
}
