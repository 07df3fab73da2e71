using System.Text.Json;
using System.Text.Json.Serialization;
using FaceMesh.Pipeline.Distributed.Collections;
using FaceMesh.Pipeline.Storage;

namespace FaceMesh.Pipeline.Distributed;

[JsonSerializable(typeof(ExtractorState))]
[JsonSerializable(typeof(ClustererState))]
[JsonSerializable(typeof(ExporterState))]
[JsonSerializable(typeof(CancelRequest))]
[JsonSerializable(typeof(RetentionRecord))]
[JsonSerializable(typeof(FrameFacesDocument))]
[JsonSerializable(typeof(ClustersDocument))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(CollectionDocument))]
[JsonSerializable(typeof(CollectionClustersDocument))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class JobJsonContext : JsonSerializerContext;

/// <summary>Reads and writes the job documents in the object store.</summary>
public static class JobJson
{
    /// <summary>
    /// Reads a document. S3 replaces objects atomically, but some S3-compatible servers (s3rver) can serve a reader
    /// half of an object being rewritten; such a torn read is retried rather than reported.
    /// </summary>
    public static async Task<T?> ReadAsync<T>(IObjectStore store, string key, CancellationToken cancellationToken = default)
        where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            var bytes = await store.GetAsync(key, cancellationToken);
            try
            {
                return bytes is null ? null : (T?)JsonSerializer.Deserialize(bytes, typeof(T), JobJsonContext.Default);
            }
            catch (JsonException) when (attempt < 30)
            {
                await Task.Delay(Math.Min(500, 50 * attempt), cancellationToken);
            }
        }
    }

    public static Task WriteAsync<T>(IObjectStore store, string key, T value, CancellationToken cancellationToken = default) =>
        store.PutBytesAsync(key, JsonSerializer.SerializeToUtf8Bytes(value, typeof(T), JobJsonContext.Default), "application/json", cancellationToken);
}
