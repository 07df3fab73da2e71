using System.ComponentModel.DataAnnotations;
using FaceMesh.Engine;
using FaceMesh.Pipeline.Clustering;
using FaceMesh.Pipeline.Export;

namespace FaceMesh.Pipeline.Embedded;

/// <summary>Settings of one embedded run: footage in (one video, several, or folders of them), dataset folder out.</summary>
public sealed class RunOptions
{
    /// <summary>Videos and folders of videos, in the order their frames are numbered.</summary>
    [MinLength(1)]
    public IReadOnlyList<string> Videos { get; set; } = [];

    /// <summary>One video: the common case.</summary>
    public string Video
    {
        get => Videos.Count == 1 ? Videos[0] : throw new InvalidOperationException($"{Videos.Count} videos, not one.");
        set => Videos = [value];
    }

    [Required]
    public string Output { get; set; } = string.Empty;

    public bool Force { get; set; }

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Denser sampling within shots, for tracks only (null: none); <see cref="Interval"/> must be a whole multiple of it.</summary>
    public TimeSpan? TrackInterval { get; set; }

    [Range(1, 256)]
    public int Threads { get; set; } = Environment.ProcessorCount;

    /// <summary>The share of frames YOLO's val list holds, taken in whole blocks of a shot (<see cref="TrainValSplit"/>).</summary>
    [Range(0, 0.9)]
    public double ValFraction { get; set; } = TrainValSplit.DefaultValFraction;

    public FaceEngineOptions Engine { get; set; } = new();

    public ClusteringOptions Clustering { get; set; } = new();

    public void Validate()
    {
        Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
        new SamplingPlan(Interval, TrackInterval).Validate();
        Engine.Validate();
        Clustering.Validate();
    }
}
