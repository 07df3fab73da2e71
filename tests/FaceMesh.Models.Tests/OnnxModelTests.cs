using FaceMesh.Engine.Models;
using FaceMesh.Testing;
using Microsoft.ML.OnnxRuntime;

namespace FaceMesh.Models.Tests;

[Collection(ModelsCollection.Name)]
public sealed class OnnxModelTests(ModelsFixture models)
{
    [Theory]
    [InlineData(ModelKind.Recognition, "input", new long[] { -1, 3, 150, 150 }, "descriptor", new long[] { -1, 128 })]
    [InlineData(ModelKind.SsdMobilenetV1, "input", new long[] { -1, 3, 512, 512 }, "box_encodings", new long[] { -1, 5118, 4 })]
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
        Assert.Equal(new[] { -1, 5118, 3 }, session.OutputMetadata["class_logits"].Dimensions);
    }

    [Fact]
    public void Cache_IsIntact_AfterProvisioning() => Assert.Null(models.Folder.Verify());
}
