using System.Text.Json;
using FaceMesh.Engine.Clustering;

namespace FaceMesh.Engine.Tests;

/// <summary>Labels against scikit-learn's DBSCAN on the data sets of tests/reference/make-dbscan-golden.py.</summary>
public sealed class DbscanTests
{
    private static readonly Lazy<JsonDocument> GoldenDocument = new(() =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "golden", "dbscan.json"))));

    public static TheoryData<string> Cases() =>
        new(GoldenDocument.Value.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("name").GetString()!));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fit_MatchesScikitLearn(string name)
    {
        var (points, eps, minSamples, expected) = Load(name);
        var labels = Dbscan.Fit(points, eps, minSamples);
        Assert.Equal(expected, labels);
        AssertSamePartition(expected, Dbscan.Fit(points, eps, minSamples, maxDegreeOfParallelism: 1));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void NumberBySize_IsARenumbering_LargestFirst(string name)
    {
        var (points, eps, minSamples, expected) = Load(name);
        var bySize = Dbscan.NumberBySize(Dbscan.Fit(points, eps, minSamples));
        AssertSamePartition(expected, bySize);
        var sizes = bySize.Where(l => l >= 0).GroupBy(l => l).OrderBy(g => g.Key).Select(g => g.Count()).ToList();
        Assert.Equal(sizes.OrderByDescending(s => s), sizes);
    }

    [Fact]
    public void Fit_EmptyInput_GivesNoLabels() => Assert.Empty(Dbscan.Fit([], 0.5f, 3));

    [Fact]
    public void Fit_IsolatedPoints_AreNoise() =>
        Assert.Equal(new[] { -1, -1 }, Dbscan.Fit([[0f, 0f], [5f, 5f]], 0.5f, 2));

    [Fact]
    public void Fit_DistanceExactlyEps_IsANeighbour() =>
        Assert.Equal(new[] { 0, 0 }, Dbscan.Fit([[0f, 0f], [0.5f, 0f]], 0.5f, 2));

    private static void AssertSamePartition(int[] expected, int[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        var forward = new Dictionary<int, int>();
        var backward = new Dictionary<int, int>();
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i] == -1, actual[i] == -1);
            Assert.Equal(forward.GetValueOrDefault(expected[i], actual[i]), actual[i]);
            Assert.Equal(backward.GetValueOrDefault(actual[i], expected[i]), expected[i]);
            forward[expected[i]] = actual[i];
            backward[actual[i]] = expected[i];
        }
    }

    private static (float[][] Points, float Eps, int MinSamples, int[] Labels) Load(string name)
    {
        var c = GoldenDocument.Value.RootElement.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        return (
            c.GetProperty("points").EnumerateArray().Select(p => p.EnumerateArray().Select(v => v.GetSingle()).ToArray()).ToArray(),
            c.GetProperty("eps").GetSingle(),
            c.GetProperty("minSamples").GetInt32(),
            c.GetProperty("labels").EnumerateArray().Select(v => v.GetInt32()).ToArray());
    }
}
