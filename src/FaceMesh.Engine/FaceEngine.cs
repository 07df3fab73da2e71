using FaceMesh.Engine.Alignment;
using FaceMesh.Engine.Detection;
using FaceMesh.Engine.Imaging;
using FaceMesh.Engine.Landmarks;
using FaceMesh.Engine.Models;
using FaceMesh.Engine.Quality;
using FaceMesh.Engine.Recognition;

namespace FaceMesh.Engine;

/// <summary>
/// Finds, aligns and describes every face in an image on the CPU. Holds its ONNX sessions for its lifetime; one engine
/// serves one thread at a time (run several engines for parallelism).
/// </summary>
public sealed class FaceEngine : IDisposable
{
    private const float MergeIouThreshold = 0.4f;
    private const float MergeContainmentThreshold = 0.6f;
    private readonly OnnxNet _detectorNet;
    private readonly OnnxNet _landmarkNet;
    private readonly OnnxNet _descriptorNet;

    private FaceEngine(FaceEngineOptions options, ModelFolder models)
    {
        Options = options;
        _detectorNet = new OnnxNet(models.PathOf(DetectorModel(options)), options.IntraOpThreads);
        _landmarkNet = new OnnxNet(models.PathOf(ModelKind.Landmarks68), options.IntraOpThreads);
        _descriptorNet = new OnnxNet(models.PathOf(ModelKind.Recognition), options.IntraOpThreads);
        Detector = options.Detector == DetectorKind.Ssd ? new SsdFaceDetector(_detectorNet) : new TinyFaceDetector(_detectorNet);
        Landmarks = new LandmarkNet(_landmarkNet);
        Descriptors = new DescriptorNet(_descriptorNet);
    }

    public FaceEngineOptions Options { get; }

    private static ModelKind DetectorModel(FaceEngineOptions options) => (options.Detector, options.Precision) switch
    {
        (DetectorKind.Tiny, _) => ModelKind.TinyFaceDetector,
        (_, DetectorPrecision.Int8) => ModelKind.SsdMobilenetV1Int8,
        _ => ModelKind.SsdMobilenetV1,
    };

    internal IFaceDetector Detector { get; }

    internal LandmarkNet Landmarks { get; }

    internal DescriptorNet Descriptors { get; }

    /// <summary>
    /// Opens the sessions on an installed, verified model folder; the engine never fetches or converts models (FaceMesh.Models
    /// installs them). Missing or corrupt models fail with a <see cref="ModelProvisioningException"/> saying how to
    /// install them.
    /// </summary>
    public static FaceEngine Open(FaceEngineOptions options)
    {
        options.Validate();
        var models = ModelFolder.At(options.ModelsPath);
        return models.Verify() is { } problem
            ? throw new ModelProvisioningException($"face models in {models.Folder}: {problem} (install them with: facemesh models install --models {models.Root})")
            : new FaceEngine(options, models);
    }

    /// <summary>
    /// Detects faces on the whole picture (the image less any black bars) and, for large pictures, at the resolution of
    /// a tile (<see cref="FaceEngineOptions.Tiling"/>); for small images where that finds none, also on a padded canvas
    /// (<see cref="PaddedPass"/>), whose boxes may extend past the image's edges.
    /// </summary>
    public IReadOnlyList<FaceDetection> DetectFaces(RgbImage image)
    {
        var picture = Picture(image);
        var candidates = ScaledPassFor(picture) is { } pass ? DetectScaled(image, pass) : DetectOnRegions(image, picture);
        return candidates
            .Where(d => Math.Min(d.Box.Width, d.Box.Height) >= Options.MinFaceSize)
            .OrderBy(d => d.Box.Top).ThenBy(d => d.Box.Left)
            .ToList();
    }

    /// <summary>The single tile-resolution run a large picture gets in <see cref="TilingMode.ScaledPass"/>; null where regions are detected on.</summary>
    internal ScaledPass? ScaledPassFor(PixelRect picture) =>
        Options.Tiling == TilingMode.ScaledPass ? ScaledPass.Plan(picture, Options.TileSize, Detector.InputSide) : null;

    /// <summary>
    /// The picture in one square run, as face-api.js detects it, and the scaled pass, which adds the faces that run missed. Two
    /// scales find more than either (the coarse one finds large faces the fine one misses), and a face both find keeps
    /// the coarse run's box: the fine run draws large faces wider and shorter, and one face should not change box
    /// shape from frame to frame with which run scored it higher.
    /// </summary>
    private List<FaceDetection> DetectScaled(RgbImage image, ScaledPass pass)
    {
        var whole = Detector.Detect(image, [pass.Region], Options.MinConfidence)[0];
        var fine = Detector.Detect(image, pass, Options.MinConfidence);
        return NonMaxSuppression.Merge(whole, fine, MergeIouThreshold, MergeContainmentThreshold);
    }

    private IEnumerable<FaceDetection> DetectOnRegions(RgbImage image, PixelRect picture)
    {
        var regions = DetectionRegions(picture);
        var found = Detector.Detect(image, regions, Options.MinConfidence);
        IEnumerable<FaceDetection> candidates = found[0];
        if (regions.Count > 1)
        {
            var whole = found.Skip(1).SelectMany((tile, i) => tile.Where(d => !IsCutByTile(d.Box, regions[i + 1], picture)));
            candidates = NonMaxSuppression.Apply(found[0].Concat(whole), MergeIouThreshold, containmentThreshold: MergeContainmentThreshold);
        }

        return regions.Count == 1 && PaddedPass.Applies(image, found[0], Options.CropPadding)
            ? PaddedPass.Detect(Detector, image, Options.CropPadding, Options.MinConfidence)
            : candidates;
    }

    public IReadOnlyList<Face> Analyze(RgbImage image)
    {
        var detections = DetectFaces(image);
        return Describe(image, detections);
    }

    /// <summary>
    /// Landmarks, chips, quality and descriptors for given detections, each net batched over all faces. Boxes that
    /// extend past the image (from the padded pass) are described on a canvas padded as far, so the nets see the whole
    /// face as the detector did; boxes and landmarks come back in the image's coordinates.
    /// </summary>
    public IReadOnlyList<Face> Describe(RgbImage image, IReadOnlyList<FaceDetection> detections)
    {
        var pad = detections.Count == 0 ? 0 : (int)MathF.Ceiling(detections.Max(d => Overshoot(d.Box, image)));
        if (pad <= 0)
        {
            return DescribeInside(image, detections);
        }

        var shifted = detections.Select(d => d with { Box = d.Box.Offset(pad, pad) }).ToList();
        return DescribeInside(ImageCanvas.Pad(image, pad), shifted)
            .Select(f => f with { Box = f.Box.Offset(-pad, -pad), Landmarks = f.Landmarks.Offset(-pad, -pad) })
            .ToList();
    }

    /// <summary>How far past the image a box reaches, plus half its size for the chip's margin; 0 inside.</summary>
    private static float Overshoot(BoxF box, RgbImage image)
    {
        var past = Math.Max(Math.Max(-box.Left, -box.Top), Math.Max(box.Right - image.Width, box.Bottom - image.Height));
        return past <= 0 ? 0 : past + (0.5f * Math.Max(box.Width, box.Height));
    }

    private IReadOnlyList<Face> DescribeInside(RgbImage image, IReadOnlyList<FaceDetection> detections)
    {
        var usable = detections.Where(d => !d.Box.ClipToPixels(image.Width, image.Height).IsEmpty).ToList();
        if (usable.Count == 0)
        {
            return [];
        }

        var landmarks = Landmarks.Detect(image, usable);
        var chips = _descriptorNet.InputBuffer(usable.Count * DescriptorNet.ChipFloats);
        var qualities = new FaceQuality[usable.Count];
        for (var i = 0; i < usable.Count; i++)
        {
            var chip = chips.Span.Slice(i * DescriptorNet.ChipFloats, DescriptorNet.ChipFloats);
            var crop = usable[i].Box.ClipToPixels(image.Width, image.Height);
            FaceAligner.WriteChip(image, landmarks[i], crop, Options.Alignment, chip);
            qualities[i] = new FaceQuality(
                Math.Min(usable[i].Box.Width, usable[i].Box.Height),
                usable[i].Score,
                QualityEstimator.Sharpness(chip, DescriptorNet.ChipSize, ChannelNormalization.FaceNets),
                QualityEstimator.Frontalness(landmarks[i]));
        }

        var descriptors = Descriptors.Compute(chips, usable.Count);
        return usable.Select((d, i) => new Face(d.Box, d.Score, landmarks[i], qualities[i], descriptors[i])).ToList();
    }

    /// <summary>
    /// The regions detection runs on in <see cref="TilingMode.Tiles"/>: the picture and, when it is large, its tiles;
    /// the first region is the picture itself.
    /// </summary>
    internal IReadOnlyList<PixelRect> DetectionRegions(PixelRect picture) =>
        TilePlanner.Plan(picture.Width, picture.Height, Options.TileSize, Options.TileOverlap)
            .Select(r => r with { X = r.X + picture.X, Y = r.Y + picture.Y })
            .ToList();

    /// <summary>The image less any black bars (see <see cref="LetterboxBars"/>), unless bars are detected on too.</summary>
    internal PixelRect Picture(RgbImage image) =>
        Options.SkipBlackBars ? LetterboxBars.Content(image) : new PixelRect(0, 0, image.Width, image.Height);

    /// <summary>A tile detection touching a tile edge inside the picture is a face cut in two; another region sees it whole.</summary>
    private static bool IsCutByTile(BoxF box, PixelRect tile, PixelRect picture)
    {
        var margin = Math.Max(4f, 0.03f * Math.Max(tile.Width, tile.Height));
        return (tile.X > picture.X && box.Left <= tile.X + margin)
            || (tile.Right < picture.Right && box.Right >= tile.Right - margin)
            || (tile.Y > picture.Y && box.Top <= tile.Y + margin)
            || (tile.Bottom < picture.Bottom && box.Bottom >= tile.Bottom - margin);
    }

    public void Dispose()
    {
        _detectorNet.Dispose();
        _landmarkNet.Dispose();
        _descriptorNet.Dispose();
    }
}
