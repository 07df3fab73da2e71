using FaceMesh.Pipeline.Storage;

namespace FaceMesh.Storage;

/// <summary>The two buckets every service uses: work objects and finished datasets.</summary>
public sealed record ObjectStores(IObjectStore Work, IObjectStore Datasets, string DatasetsBucket);
