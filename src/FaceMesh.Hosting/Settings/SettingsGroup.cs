using System.Collections;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace FaceMesh.Hosting.Settings;

/// <summary>
/// One configuration section bound to an options class. Its settings are read off the class itself (a property is
/// required when it carries <see cref="RequiredAttribute"/> and has no default), so names cannot drift from the code.
/// </summary>
public abstract class SettingsGroup(string section, Type optionsType, IReadOnlyCollection<string> alsoRequired)
{
    public string Section { get; } = section;

    public Type OptionsType { get; } = optionsType;

    /// <summary>Properties this service needs even though the options class allows them empty (e.g. public API tokens).</summary>
    public IReadOnlyCollection<string> AlsoRequired { get; } = alsoRequired;

    public IReadOnlyList<Setting> Settings => [.. OptionsType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanWrite)
        .Select(Describe)];

    /// <summary>Binds, validates by data annotations, and fails the host at start when the section is wrong.</summary>
    public abstract void Bind(IServiceCollection services);

    private Setting Describe(PropertyInfo property)
    {
        var isList = property.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(property.PropertyType);
        var key = isList ? $"{Section}__{property.Name}__0" : $"{Section}__{property.Name}";
        var defaultValue = DefaultOf(property);
        var required = AlsoRequired.Contains(property.Name) ||
            (property.GetCustomAttribute<RequiredAttribute>() is not null && string.IsNullOrEmpty(defaultValue));
        return new Setting(key, required, property.GetCustomAttribute<PasswordPropertyTextAttribute>() is not null, defaultValue);
    }

    private string? DefaultOf(PropertyInfo property)
    {
        var value = property.GetValue(Activator.CreateInstance(OptionsType));
        return value switch
        {
            null => null,
            string text => text,
            IEnumerable => null,
            bool flag => flag ? "true" : "false",
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
    }
}
