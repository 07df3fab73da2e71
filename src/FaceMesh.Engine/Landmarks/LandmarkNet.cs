using System.Numerics;
using FaceMesh.Engine.Detection;
using FaceMesh.Engine.Imaging;
using FaceMesh.Engine.Models;

namespace FaceMesh.Engine.Landmarks;

/// <summary>
/// The 68-point landmark net over the detection boxes of one image, batched. Each box is clipped and floored, padded
/// to a centred square and resized to 112x112, as face-api.js does; points are shifted by the unclipped box origin.
/// </summary>
public sealed class LandmarkNet(OnnxNet net)
{
    /// <summary>The network's square input, as the converted model has it.</summary>
    public const int InputSize = 112;
    private const int Size = InputSize;

    public IReadOnlyList<FaceLandmarks68> Detect(RgbImage image, IReadOnlyList<FaceDetection> faces)
    {
        if (faces.Count == 0)
        {
            return [];
        }

        var crops = faces.Select(f => f.Box.ClipToPixels(image.Width, image.Height)).ToArray();
        var input = net.InputBuffer(crops.Length * 3 * Size * Size);
        NetInputWriter.WriteBatch(image, crops, Size, centerPadding: true, ChannelNormalization.FaceNets, input.Span);
        using var outputs = net.Run(input, [faces.Count, 3, Size, Size]);
        var values = outputs[0].GetTensorDataAsSpan<float>();
        var result = new FaceLandmarks68[faces.Count];
        for (var i = 0; i < crops.Length; i++)
        {
            result[i] = ToImage(values.Slice(i * 136, 136), crops[i], faces[i].Box);
        }

        return result;
    }

    private static FaceLandmarks68 ToImage(ReadOnlySpan<float> output, PixelRect crop, BoxF box)
    {
        var scale = (float)Size / Math.Max(crop.Width, crop.Height);
        var width = crop.Width * scale;
        var height = crop.Height * scale;
        var padX = width < height ? Math.Abs(width - height) / 2 : 0;
        var padY = height < width ? Math.Abs(width - height) / 2 : 0;
        var points = new Vector2[68];
        for (var p = 0; p < 68; p++)
        {
            var relativeX = ((output[2 * p] * Size) - padX) / width;
            var relativeY = ((output[(2 * p) + 1] * Size) - padY) / height;
            points[p] = new Vector2((relativeX * crop.Width) + box.Left, (relativeY * crop.Height) + box.Top);
        }

        return new FaceLandmarks68(points);
    }
}
