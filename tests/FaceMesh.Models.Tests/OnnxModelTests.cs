using FaceMesh.Engine.Detection;
using FaceMesh.Engine.Models;
using FaceMesh.Models.Onnx.Proto;
using FaceMesh.Testing;
using Microsoft.ML.OnnxRuntime;

namespace FaceMesh.Models.Tests;

[Collection(ModelsCollection.Name)]
public sealed class OnnxModelTests(ModelsFixture models)
{
    [Theory]
    [InlineData(ModelKind.Recognition, "input", new long[] { -1, 3, 150, 150 }, "descriptor", new long[] { -1, 128 })]
    [InlineData(ModelKind.SsdMobilenetV1, "input", new long[] { -1, 3, -1, -1 }, "box_encodings", new long[] { -1, -1, 4 })]
    [InlineData(ModelKind.SsdMobilenetV1Int8, "input", new long[] { -1, 3, -1, -1 }, "box_encodings", new long[] { -1, -1, 4 })]
    [InlineData(ModelKind.TinyFaceDetector, "input", new long[] { -1, 3, -1, -1 }, "grid", new long[] { -1, -1, -1, 25 })]
    [InlineData(ModelKind.Landmarks68, "input", new long[] { -1, 3, 112, 112 }, "landmarks", new long[] { -1, 136 })]
    public void ConvertedModel_LoadsInOnnxRuntime_WithTheExpectedShapes(ModelKind kind, string input, long[] inputShape, string output, long[] outputShape)
    {
        using var session = new InferenceSession(models.Folder.PathOf(kind));
        Assert.Equal(inputShape, session.InputMetadata[input].Dimensions.Select(d => (long)d));
        Assert.Equal(outputShape, session.OutputMetadata[output].Dimensions.Select(d => (long)d));
    }

    [Fact]
    public void SsdModel_CarriesItsAnchorsAsAnOutput()
    {
        using var session = new InferenceSession(models.Folder.PathOf(ModelKind.SsdMobilenetV1));
        Assert.Equal(new[] { 5118, 4 }, session.OutputMetadata["anchors"].Dimensions);
        Assert.Equal(new[] { -1, -1, 3 }, session.OutputMetadata["class_logits"].Dimensions);
    }

    [Fact]
    public void GeneratedAnchors_At512_AreTheAnchorsTheWeightsCarry()
    {
        using var session = new InferenceSession(models.Folder.PathOf(ModelKind.SsdMobilenetV1));
        using var input = OrtValue.CreateTensorValueFromMemory(new float[3 * 512 * 512], [1, 3, 512, 512]);
        using var outputs = session.Run(new RunOptions(), ["input"], [input], ["anchors"]);
        var stored = outputs[0].GetTensorDataAsSpan<float>().ToArray();

        var generated = SsdAnchors.Generate(512, 512);

        Assert.Equal(stored.Length, generated.Length);
        var worst = stored.Zip(generated, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst < 1e-5, $"worst anchor coordinate differs by {worst}");
    }

    [Theory]
    [InlineData(512, 1024)]
    [InlineData(512, 928)]
    [InlineData(768, 1376)]
    public void SsdModel_OnALargerInput_GivesTheOutputsTheAnchorLayoutCounts(int height, int width)
    {
        using var session = new InferenceSession(models.Folder.PathOf(ModelKind.SsdMobilenetV1Int8));
        using var input = OrtValue.CreateTensorValueFromMemory(new float[3 * height * width], [1, 3, height, width]);
        using var outputs = session.Run(new RunOptions(), ["input"], [input], ["box_encodings", "class_logits"]);

        var anchors = SsdAnchors.OutputCount(height, width);
        Assert.Equal(new long[] { 1, anchors, 4 }, outputs[0].GetTensorTypeAndShape().Shape);
        Assert.Equal(new long[] { 1, anchors, 3 }, outputs[1].GetTensorTypeAndShape().Shape);
    }

    [Fact]
    public void Int8Model_RunsEveryReluSixConvolution_AsAnInt8Kernel()
    {
        var optimized = Path.Combine(Path.GetTempPath(), $"facemesh-ssd-int8-{Guid.NewGuid():N}.onnx");
        try
        {
            using (var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, OptimizedModelFilePath = optimized })
            using (new InferenceSession(models.Folder.PathOf(ModelKind.SsdMobilenetV1Int8), options))
            {
            }

            var nodes = ModelProto.Parser.ParseFrom(File.ReadAllBytes(optimized)).Graph.Node;
            var float32 = ModelProto.Parser.ParseFrom(File.ReadAllBytes(models.Folder.PathOf(ModelKind.SsdMobilenetV1))).Graph.Node;

            // Every Conv followed by ReLU6 (the 14 + 13 backbone layers and 8 extra feature layers) becomes a QLinearConv;
            // the 12 prediction heads stay float.
            Assert.Equal(float32.Count(n => n.OpType == "Clip"), nodes.Count(n => n.OpType == "QLinearConv"));
            Assert.Equal(12, nodes.Count(n => n.OpType is "Conv" or "FusedConv"));
        }
        finally
        {
            File.Delete(optimized);
        }
    }

    [Fact]
    public void Cache_IsIntact_AfterProvisioning() => Assert.Null(models.Folder.Verify());
}
