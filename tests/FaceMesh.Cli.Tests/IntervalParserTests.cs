using FaceMesh.Cli.Commands;

namespace FaceMesh.Cli.Tests;

public sealed class IntervalParserTests
{
    [Theory]
    [InlineData("500ms", 0.5)]
    [InlineData("2s", 2)]
    [InlineData("1.5s", 1.5)]
    [InlineData("1m", 60)]
    [InlineData("3", 3)]
    public void TryParse_AcceptsDurations(string text, double seconds)
    {
        Assert.True(IntervalParser.TryParse(text, out var interval));
        Assert.Equal(seconds, interval.TotalSeconds, 6);
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("0s")]
    [InlineData("-1s")]
    [InlineData("2h")]
    public void TryParse_RejectsNonsense(string text) => Assert.False(IntervalParser.TryParse(text, out _));
}
