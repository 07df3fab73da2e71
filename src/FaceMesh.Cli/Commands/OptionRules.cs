using System.CommandLine;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;

namespace FaceMesh.Cli.Commands;

/// <summary>
/// Options whose mistakes are reported as the user typed them: the option's name, the choices in lower case as the
/// README writes them, the range an options class allows (<c>--eps must be between 0.01 and 2 (got -1).</c>).
/// </summary>
public static class OptionRules
{
    /// <summary>
    /// An option taking one of an enum's values, written in lower case (<c>ssd</c>, <c>tiny</c>); when not given, the
    /// enum's first value (help would print its C# name as the default, so the description names it instead).
    /// </summary>
    public static Option<T> Choice<T>(string name, string description)
        where T : struct, Enum
    {
        var choices = Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToArray();
        var option = new Option<T>(name)
        {
            Description = description,
            HelpName = string.Join('|', choices),
            CustomParser = result =>
            {
                var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
                if (Enum.TryParse<T>(token, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(token, out _))
                {
                    return value;
                }

                result.AddError($"{name} must be {string.Join(" or ", choices)} (got '{token}').");
                return default;
            },
        };
        option.CompletionSources.Add(choices);
        return option;
    }

    /// <summary>Checks the option against the <see cref="RangeAttribute"/> of <typeparamref name="TOptions"/>'s property.</summary>
    public static Option<TValue> InRangeOf<TOptions, TValue>(this Option<TValue> option, string property)
        where TValue : IConvertible
    {
        var range = typeof(TOptions).GetProperty(property)?.GetCustomAttribute<RangeAttribute>()
            ?? throw new ArgumentException($"{typeof(TOptions).Name}.{property} has no [Range].", nameof(property));
        var (min, max) = (Convert.ToDouble(range.Minimum, CultureInfo.InvariantCulture), Convert.ToDouble(range.Maximum, CultureInfo.InvariantCulture));
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<TValue>();
            var number = value.ToDouble(CultureInfo.InvariantCulture);
            if (double.IsNaN(number) || number < min || number > max)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be between {min:0.###} and {max:0.###} (got {number:0.###})."));
            }
        });
        return option;
    }
}
