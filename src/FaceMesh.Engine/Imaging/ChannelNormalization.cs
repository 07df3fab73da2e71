namespace FaceMesh.Engine.Imaging;

/// <summary>Per-channel input normalization, <c>(value - Mean[c]) * Scale</c>, matching each face-api.js network.</summary>
public sealed record ChannelNormalization(float[] Mean, float Scale)
{
    /// <summary>SSD-MobileNetV1: <c>x / 127.5 - 1</c>.</summary>
    public static ChannelNormalization Ssd { get; } = new([127.5f, 127.5f, 127.5f], 1f / 127.5f);

    /// <summary>Landmark and recognition nets: dlib's mean RGB, then / 255.</summary>
    public static ChannelNormalization FaceNets { get; } = new([122.782f, 117.001f, 104.298f], 1f / 255f);

    /// <summary>Tiny face detector.</summary>
    public static ChannelNormalization TinyDetector { get; } = new([117.001f, 114.697f, 97.404f], 1f / 255f);
}
