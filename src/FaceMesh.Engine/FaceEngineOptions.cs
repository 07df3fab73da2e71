using System.ComponentModel.DataAnnotations;
using FaceMesh.Engine.Alignment;
using FaceMesh.Engine.Detection;

namespace FaceMesh.Engine;

/// <summary>Settings of the face engine; <see cref="Validate"/> rejects values that cannot work.</summary>
public sealed class FaceEngineOptions
{
    public const string Section = "FaceEngine";

    /// <summary>The folder of converted models; empty means <see cref="Models.ModelFolder.DefaultRoot"/>.</summary>
    public string ModelsPath { get; set; } = string.Empty;

    public DetectorKind Detector { get; set; } = DetectorKind.Ssd;

    /// <summary>The SSD detector's arithmetic; the tiny detector is always float.</summary>
    public DetectorPrecision Precision { get; set; } = DetectorPrecision.Int8;

    /// <summary>Detections scoring at or below this are dropped (face-api.js's default is 0.5).</summary>
    [Range(0.01, 0.99)]
    public float MinConfidence { get; set; } = 0.5f;

    /// <summary>Faces whose box is smaller than this many pixels on its shorter side are dropped.</summary>
    [Range(0, 10_000)]
    public int MinFaceSize { get; set; } = 16;

    /// <summary>
    /// The resolution large pictures are detected at besides the whole-picture run: that of a tile of this many pixels
    /// resized to the detector's square input. Applies when the picture's longer side exceeds 1.25 tiles; 0 turns it
    /// off (face-api.js's behaviour).
    /// </summary>
    [Range(0, 4096)]
    public int TileSize { get; set; } = 640;

    /// <summary>How a picture large enough to tile is detected on.</summary>
    public TilingMode Tiling { get; set; } = TilingMode.ScaledPass;

    /// <summary>How much neighbouring <see cref="TilingMode.Tiles"/> overlap: faces up to this size are seen whole in some tile.</summary>
    [Range(0, 2048)]
    public int TileOverlap { get; set; } = 128;

    /// <summary>
    /// Detect on the picture inside black letterbox or pillarbox bars only (a portrait video in a landscape frame):
    /// bars get no tiles, and a portrait picture needs none.
    /// </summary>
    public bool SkipBlackBars { get; set; } = true;

    /// <summary>
    /// Square or portrait images no larger than 900 px in which no face was found are detected again on a canvas padded by this
    /// fraction of their longer side on every side, which finds faces in tight crops; 0 turns the pass off.
    /// </summary>
    [Range(0, 2)]
    public float CropPadding { get; set; } = 0.5f;

    public AlignmentMode Alignment { get; set; } = AlignmentMode.Rotated;

    /// <summary>Threads ONNX Runtime may use inside one inference; 1 suits one engine per core.</summary>
    [Range(1, 256)]
    public int IntraOpThreads { get; set; } = 1;

    public void Validate()
    {
        Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
        if (TileSize > 0 && TileOverlap >= TileSize)
        {
            throw new ValidationException($"TileOverlap ({TileOverlap}) must be smaller than TileSize ({TileSize}).");
        }
    }
}
