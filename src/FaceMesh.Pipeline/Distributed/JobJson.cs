using System.Text.Json;
using System.Text.Json.Serialization;
using FaceMesh.Pipeline.Storage;

namespace FaceMesh.Pipeline.Distributed;

[JsonSerializable(typeof(ExtractorState))]
[JsonSerializable(typeof(ClustererState))]
[JsonSerializable(typeof(ExporterState))]
[JsonSerializable(typeof(FrameFacesDocument))]
[JsonSerializable(typeof(ClustersDocument))]
[JsonSerializable(typeof(List<string>))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class JobJsonContext : JsonSerializerContext;

/// <summary>Reads and writes the job documents in the object store.</summary>
public static class JobJson
{
    public static async Task<T?> ReadAsync<T>(IObjectStore store, string key, CancellationToken cancellationToken = default)
        where T : class
    {
        var bytes = await store.GetAsync(key, cancellationToken);
        return bytes is null ? null : (T?)JsonSerializer.Deserialize(bytes, typeof(T), JobJsonContext.Default);
    }

    public static Task WriteAsync<T>(IObjectStore store, string key, T value, CancellationToken cancellationToken = default) =>
        store.PutBytesAsync(key, JsonSerializer.SerializeToUtf8Bytes(value, typeof(T), JobJsonContext.Default), "application/json", cancellationToken);
}
