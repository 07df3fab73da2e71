using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using FaceMesh.Hosting.Security;
using FaceMesh.Hosting.Settings;
using FaceMesh.Pipeline.Distributed;
using FaceMesh.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FaceMesh.Hosting;

public static class ServiceDefaults
{
    /// <summary>
    /// The host builder every service starts from. Its content root is the service's own folder, not the folder it was
    /// started from, so the appsettings.json beside the dll applies however the dll is launched.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args) =>
        WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

    /// <summary>
    /// The settings <paramref name="service"/> reads (bound, validated, missing ones named at start), the object stores,
    /// health checks, Kestrel ports and graceful shutdown.
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, FaceMeshService service)
    {
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                [$"{ServiceOptions.Section}:{nameof(ServiceOptions.GrpcPort)}"] = service.GrpcPort.ToString(CultureInfo.InvariantCulture),
                [$"{ServiceOptions.Section}:{nameof(ServiceOptions.HttpPort)}"] = FaceMeshService.HttpPort.ToString(CultureInfo.InvariantCulture),
            },
        });
        builder.Configuration.AddEnvironmentVariables("FACEMESH_");
        var missing = service.MissingSettings(builder.Configuration);
        if (missing.Count > 0)
        {
            RefuseToStart(service, $"missing settings (environment variables): {string.Join(", ", missing)}");
        }

        var listeners = ReadListeners(service, builder.Configuration);

        var services = builder.Services;
        foreach (var group in service.Groups)
        {
            group.Bind(services);
        }

        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ObjectStoreOptions>>().Value;
            var client = MinioObjectStore.CreateClient(options);
            return new MinioBuckets(new MinioObjectStore(client, options.WorkBucket), new MinioObjectStore(client, options.DatasetsBucket));
        });
        services.AddSingleton(sp =>
        {
            var buckets = sp.GetRequiredService<MinioBuckets>();
            return new ObjectStores(buckets.Work, buckets.Datasets, buckets.Datasets.Bucket);
        });
        services.AddHostedService<BucketInitializer>();
        services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), tags: ["live"]);
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(45));

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var address = IPAddress.Parse(listeners.BindAddress);
            kestrel.Listen(address, listeners.HttpPort, listen => listen.Protocols = HttpProtocols.Http1);
            if (listeners.GrpcPort > 0)
            {
                kestrel.Listen(address, listeners.GrpcPort, listen => listen.Protocols = HttpProtocols.Http2);
            }

            kestrel.Limits.MaxRequestBodySize = null;
        });
        return builder;
    }

    /// <summary>
    /// The <c>Service</c> section, refused at start when a value is not a number, out of range, not an address, or a gRPC
    /// port for a service that serves no gRPC (nothing would answer on it, and mapping its health service would fail).
    /// </summary>
    private static ServiceOptions ReadListeners(FaceMeshService service, IConfiguration configuration)
    {
        ServiceOptions listeners;
        try
        {
            listeners = configuration.GetSection(ServiceOptions.Section).Get<ServiceOptions>() ?? new ServiceOptions();
        }
        catch (InvalidOperationException e)
        {
            return RefuseToStart(service, $"unreadable listener settings: {e.Message}");
        }

        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(listeners, new ValidationContext(listeners), errors, validateAllProperties: true))
        {
            return RefuseToStart(service, $"invalid listener settings: {string.Join("; ", errors.Select(e => $"{ServiceOptions.Section}__{string.Join(",", e.MemberNames)}: {e.ErrorMessage}"))}");
        }

        if (!IPAddress.TryParse(listeners.BindAddress, out _))
        {
            return RefuseToStart(service, $"{ServiceOptions.Section}__{nameof(ServiceOptions.BindAddress)} '{listeners.BindAddress}' is not an IP address");
        }

        return service.GrpcPort == 0 && listeners.GrpcPort > 0
            ? RefuseToStart(service, $"{ServiceOptions.Section}__{nameof(ServiceOptions.GrpcPort)} is {listeners.GrpcPort}, but the {service.Name} serves no gRPC: leave it unset")
            : listeners;
    }

    /// <summary>A configuration mistake, not a crash: one line an operator reads in `docker compose logs`, and exit code 2.</summary>
    [DoesNotReturn]
    private static ServiceOptions RefuseToStart(FaceMeshService service, string problem)
    {
        Console.Error.WriteLine($"error: {service.Name}: {problem.ReplaceLineEndings(" ")}");
        Environment.Exit(2);
        throw new UnreachableException();
    }

    /// <summary>gRPC with bearer-token checks: the public tokens, or the internal token for service-to-service APIs.</summary>
    public static IServiceCollection AddFaceMeshGrpc(this IServiceCollection services, bool publicApi)
    {
        services.AddSingleton(sp =>
        {
            var auth = sp.GetRequiredService<IOptions<AuthOptions>>();
            return new BearerTokenInterceptor(presented => publicApi
                ? BearerTokens.Identify(auth.Value, presented)
                : BearerTokens.Accepts([auth.Value.InternalToken], presented) ? new Caller("internal", IsAdmin: true) : null);
        });
        services.AddGrpc(grpc =>
        {
            grpc.Interceptors.Add<BearerTokenInterceptor>();
            grpc.MaxReceiveMessageSize = 8 * 1024 * 1024;
        });
        services.AddGrpcHealthChecks().AddCheck("grpc", () => HealthCheckResult.Healthy());
        return services;
    }

    /// <summary>/health/live, /health/ready and, with gRPC, grpc.health.v1 in every environment (probes need them).</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(FaceMeshService.LivePath, new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") });
        app.MapHealthChecks(FaceMeshService.ReadyPath);
        if (app.Configuration.GetValue<int>($"{ServiceOptions.Section}:{nameof(ServiceOptions.GrpcPort)}") > 0)
        {
            app.MapGrpcHealthChecksService();
        }

        return app;
    }
}
