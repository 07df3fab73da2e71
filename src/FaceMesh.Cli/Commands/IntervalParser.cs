using System.Globalization;
using System.Text.RegularExpressions;

namespace FaceMesh.Cli.Commands;

/// <summary>Parses sampling intervals such as <c>500ms</c>, <c>2s</c>, <c>1.5s</c>, <c>1m</c> or a bare number of seconds.</summary>
public static partial class IntervalParser
{
    public static bool TryParse(string text, out TimeSpan interval)
    {
        interval = default;
        var match = Pattern().Match(text.Trim());
        if (!match.Success || !double.TryParse(match.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        var seconds = match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "ms" => value / 1000,
            "m" or "min" => value * 60,
            _ => value,
        };
        if (!double.IsFinite(seconds) || seconds <= 0 || seconds > 86_400)
        {
            return false;
        }

        interval = TimeSpan.FromSeconds(seconds);
        return true;
    }

    [GeneratedRegex(@"^(?<value>\d+(\.\d+)?)\s*(?<unit>ms|s|m|min)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
