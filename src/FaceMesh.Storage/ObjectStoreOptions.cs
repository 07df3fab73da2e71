using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace FaceMesh.Storage;

/// <summary>MinIO (or any S3 server) settings: section <c>ObjectStore</c>, e.g. env <c>ObjectStore__Endpoint</c>.</summary>
public sealed class ObjectStoreOptions
{
    public const string Section = "ObjectStore";

    /// <summary>host:port of the S3 API.</summary>
    [Required]
    public string Endpoint { get; set; } = string.Empty;

    [Required]
    [PasswordPropertyText]
    public string AccessKey { get; set; } = string.Empty;

    [Required]
    [PasswordPropertyText]
    public string SecretKey { get; set; } = string.Empty;

    public bool UseSsl { get; set; }

    /// <summary>Footage, frames, portraits and job state.</summary>
    [Required]
    public string WorkBucket { get; set; } = "facemesh";

    /// <summary>Finished datasets, one prefix per job.</summary>
    [Required]
    public string DatasetsBucket { get; set; } = "datasets";
}
