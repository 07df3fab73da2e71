namespace FaceMesh.Pipeline.Distributed.Collections;

/// <summary>
/// A collection: a dataset made of many jobs' videos, clustered as one. Written only by the FrameExtractor (jobs join on
/// submit and leave on delete); its clustering settings are its first job's, so adding a video never changes them.
/// </summary>
public sealed record CollectionDocument(string Name, string? Owner, DateTimeOffset CreatedAt, float Eps, int MinSamples, List<string> Jobs);

/// <summary>
/// The Clusterer's result for a whole collection: the member jobs clustered, in the order their frames are numbered,
/// and each face's cluster (faces in <see cref="DatasetAssembly"/> order, which <see cref="FaceIds"/> pins down).
/// </summary>
public sealed record CollectionClustersDocument(List<string> Jobs, List<string> FaceIds, List<int> Clusters);
