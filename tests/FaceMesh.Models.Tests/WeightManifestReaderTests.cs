using FaceMesh.Engine.Models;

namespace FaceMesh.Models.Tests;

public sealed class WeightManifestReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("facemesh-weights-").FullName;

    [Fact]
    public void Read_DecodesQuantizedAndFloatTensors_BackToBackInManifestOrder()
    {
        var floats = new byte[8];
        BitConverter.TryWriteBytes(floats.AsSpan(0), 1.5f);
        BitConverter.TryWriteBytes(floats.AsSpan(4), -2.25f);
        File.WriteAllBytes(Path.Combine(_folder, "m.bin"), [0, 2, 255, .. floats]);
        WriteManifest("""
            [{"paths":["m.bin"],"weights":[
              {"name":"q","shape":[3],"dtype":"float32","quantization":{"dtype":"uint8","scale":0.5,"min":-1}},
              {"name":"f","shape":[2,1],"dtype":"float32"}]}]
            """);

        var tensors = WeightManifestReader.Read(Path.Combine(_folder, "m-weights_manifest.json"));

        Assert.Equal(new[] { -1f, 0f, 126.5f }, tensors["q"].Data);
        Assert.Equal(new[] { 1.5f, -2.25f }, tensors["f"].Data);
        Assert.Equal(new[] { 2, 1 }, tensors["f"].Shape);
    }

    [Fact]
    public void Read_TruncatedWeightFile_SaysSo()
    {
        File.WriteAllBytes(Path.Combine(_folder, "m.bin"), [1, 2]);
        WriteManifest("""[{"paths":["m.bin"],"weights":[{"name":"w","shape":[4],"dtype":"float32"}]}]""");
        var error = Assert.Throws<InvalidDataException>(() => WeightManifestReader.Read(Path.Combine(_folder, "m-weights_manifest.json")));
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Read_ShardPathLeavingTheFolder_IsRefused()
    {
        WriteManifest("""[{"paths":["../evil.bin"],"weights":[]}]""");
        Assert.Throws<InvalidDataException>(() => WeightManifestReader.Read(Path.Combine(_folder, "m-weights_manifest.json")));
    }

    private void WriteManifest(string json) => File.WriteAllText(Path.Combine(_folder, "m-weights_manifest.json"), json);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
