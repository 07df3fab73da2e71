using FaceMesh.Pipeline;
using FaceMesh.Pipeline.Export;
using FaceMesh.Pipeline.Storage;

namespace FaceMesh.Review;

/// <summary>
/// One dataset under review, in a folder or under a prefix of a bucket. Edits are applied one at a time to the latest
/// <c>edits.json</c> and written whole (an atomic replace in both stores), so pages editing at once never corrupt it:
/// each action lands on the state the previous one left.
/// </summary>
public sealed class ReviewSession(IObjectStore store, string prefix, string title) : IDisposable
{
    public const string EditsFile = DatasetPaths.Edits;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Loaded? _loaded;

    public string Title { get; } = title;

    /// <summary>The review as stored now; <paramref name="reloadManifest"/> picks up a re-clustered manifest.</summary>
    public async Task<ResolvedReview> GetAsync(bool reloadManifest = false, CancellationToken cancellationToken = default)
    {
        var manifest = await ManifestAsync(reloadManifest, cancellationToken);
        return ReviewResolver.Resolve(manifest, await ReadEditsAsync(cancellationToken));
    }

    /// <summary>Applies one action to the latest edits and stores the result before the next action may run.</summary>
    public async Task<ResolvedReview> ApplyAsync(Func<ResolvedReview, ReviewEdits> action, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var current = await GetAsync(cancellationToken: cancellationToken);
            var edits = action(current);
            await store.PutBytesAsync(prefix + EditsFile, ReviewEditsJson.Serialize(edits), "application/json", cancellationToken);
            return ReviewResolver.Resolve(current.Manifest, edits);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A face's portrait by face id (only faces the manifest lists; nothing else is ever served).</summary>
    public async Task<byte[]?> PortraitAsync(string faceId, CancellationToken cancellationToken = default)
    {
        await ManifestAsync(false, cancellationToken);
        var loaded = _loaded!;
        return loaded.FaceIndex.TryGetValue(faceId, out var i) ? await store.GetAsync(prefix + loaded.Manifest.CropPath(i), cancellationToken) : null;
    }

    /// <summary>The frame a face was found in, by face id (only faces the manifest lists).</summary>
    public async Task<byte[]?> FrameAsync(string faceId, CancellationToken cancellationToken = default)
    {
        await ManifestAsync(false, cancellationToken);
        var loaded = _loaded!;
        return loaded.FaceIndex.TryGetValue(faceId, out var i)
            ? await store.GetAsync($"{prefix}{DatasetPaths.Images}/{FrameRecord.FileNameOf(loaded.Manifest.Faces[i].Frame)}", cancellationToken)
            : null;
    }

    public void Dispose() => _gate.Dispose();

    private async Task<ReviewEdits> ReadEditsAsync(CancellationToken cancellationToken)
    {
        var bytes = await store.GetAsync(prefix + EditsFile, cancellationToken);
        return bytes is null ? ReviewEdits.Empty : ReviewEditsJson.Deserialize(bytes);
    }

    private async Task<DatasetManifest> ManifestAsync(bool reload, CancellationToken cancellationToken)
    {
        if (_loaded is { } cached && !reload)
        {
            return cached.Manifest;
        }

        var bytes = await store.GetAsync(prefix + DatasetPaths.Manifest, cancellationToken)
            ?? throw new DatasetNotFoundException($"{Title} is not a FaceMesh dataset (no {DatasetPaths.Manifest})");
        var manifest = ManifestJson.Read(bytes, Title);
        var faceIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < manifest.Faces.Count; i++)
        {
            faceIndex.TryAdd(manifest.Faces[i].Id, i);
        }

        _loaded = new Loaded(manifest, faceIndex);
        return manifest;
    }

    /// <summary>Swapped whole, so a reader never sees one manifest with another's face index.</summary>
    private sealed record Loaded(DatasetManifest Manifest, Dictionary<string, int> FaceIndex);
}
