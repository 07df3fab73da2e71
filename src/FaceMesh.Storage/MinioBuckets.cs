namespace FaceMesh.Storage;

/// <summary>The two MinIO buckets as MinIO stores, for what only MinIO does (creating the buckets at start).</summary>
public sealed record MinioBuckets(MinioObjectStore Work, MinioObjectStore Datasets);
