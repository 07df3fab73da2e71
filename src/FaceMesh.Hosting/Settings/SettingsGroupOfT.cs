using System.Collections;
using Microsoft.Extensions.DependencyInjection;

namespace FaceMesh.Hosting.Settings;

/// <summary>The section of <typeparamref name="TOptions"/>, bound and validated at start.</summary>
public sealed class SettingsGroup<TOptions>(string section, params string[] alsoRequired)
    : SettingsGroup(section, typeof(TOptions), alsoRequired)
    where TOptions : class, new()
{
    public override void Bind(IServiceCollection services)
    {
        var options = services.AddOptions<TOptions>().BindConfiguration(Section).ValidateDataAnnotations().ValidateOnStart();
        foreach (var name in AlsoRequired)
        {
            var property = typeof(TOptions).GetProperty(name) ?? throw new InvalidOperationException($"{typeof(TOptions).Name} has no property {name}");
            options.Validate(o => property.GetValue(o) switch
            {
                string text => text.Length > 0,
                IEnumerable items => items.Cast<object?>().Any(item => !string.IsNullOrEmpty(item?.ToString())),
                var value => value is not null,
            }, $"{Section}__{name} is required by this service");
        }
    }
}
