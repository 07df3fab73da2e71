using System.Reflection;
using FaceMesh.Hosting.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaceMesh.Deployment.Tests;

/// <summary>Runs a service's own settings validation (data annotations, required lists) over environment variables.</summary>
internal static class SettingsValidation
{
    /// <summary>The validation errors, empty when the service would start with these variables.</summary>
    public static IReadOnlyList<string> Errors(FaceMeshService service, IReadOnlyDictionary<string, string> environment)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(environment.Select(p => KeyValuePair.Create(p.Key.Replace("__", ":", StringComparison.Ordinal), (string?)p.Value)))
            .Build();
        var errors = service.MissingSettings(configuration).Select(key => $"{key} is missing").ToList();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        foreach (var group in service.Groups)
        {
            group.Bind(services);
        }

        using var provider = services.BuildServiceProvider();
        foreach (var group in service.Groups)
        {
            var options = typeof(IOptions<>).MakeGenericType(group.OptionsType);
            try
            {
                options.GetProperty(nameof(IOptions<object>.Value))!.GetValue(provider.GetRequiredService(options));
            }
            catch (TargetInvocationException e) when (e.InnerException is OptionsValidationException invalid)
            {
                errors.AddRange(invalid.Failures);
            }
        }

        return errors;
    }
}
