using System.Text.Json.Nodes;
using FaceMesh.Pipeline.Export;

namespace FaceMesh.Pipeline.Tests;

/// <summary>manifest.json schema 2 (collections) and datasets written before it (schema 1, one video).</summary>
public sealed class ManifestSchemaTests(RunFixture run) : IClassFixture<RunFixture>
{
    [Fact]
    public void ASchema1Manifest_StillLoads_AsACollectionOfOneVideo()
    {
        var v1 = AsSchema1(File.ReadAllText(Path.Combine(run.Output, DatasetPaths.Manifest)));

        var manifest = ManifestJson.Read(System.Text.Encoding.UTF8.GetBytes(v1), "v1 manifest");

        Assert.Equal(run.Manifest.Sources, manifest.Sources);
        Assert.All(manifest.Frames, f => Assert.Equal(0, f.Source));
        Assert.Equal(run.Manifest.Frames, manifest.Frames);
        Assert.Equal(run.Manifest.Faces.Select(f => f.Id), manifest.Faces.Select(f => f.Id));
        Assert.Equal(run.Manifest.Clusters, manifest.Clusters);
    }

    [Fact]
    public void TheManifest_IsSchema2_NamingEachFramesVideo()
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(run.Output, DatasetPaths.Manifest)))!;

        Assert.Equal(2, (int)json["schemaVersion"]!);
        Assert.Equal(Path.GetFileName(run.Footage.Path), (string)json["sources"]![0]!["file"]!);
        Assert.All(json["frames"]!.AsArray(), f => Assert.Equal(0, (int)f!["source"]!));
        Assert.All(json["faces"]!.AsArray(), f => Assert.Equal(0, (int)f!["source"]!));
    }

    [Fact]
    public void AFrameNamingAnUnlistedVideo_IsRefused()
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(run.Output, DatasetPaths.Manifest)))!;
        json["frames"]![0]!["source"] = 3;

        var error = Assert.Throws<InvalidDataException>(() => ManifestJson.Read(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()), "bad"));

        Assert.Contains("source 3", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The manifest as FaceMesh wrote it before collections: one "source" object, no source per frame or face.</summary>
    private static string AsSchema1(string v2)
    {
        var json = JsonNode.Parse(v2)!.AsObject();
        json["schemaVersion"] = 1;
        var source = json["sources"]![0]!.DeepClone().AsObject();
        source.Remove("id");
        json.Remove("sources");
        json["source"] = source;
        json["summary"]!.AsObject().Remove("videos");
        foreach (var item in json["frames"]!.AsArray().Concat(json["faces"]!.AsArray()))
        {
            item!.AsObject().Remove("source");
        }

        return json.ToJsonString();
    }
}
