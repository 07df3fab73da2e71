using System.Net;
using FaceMesh.Infrastructure.Security;
using FaceMesh.Infrastructure.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FaceMesh.Infrastructure.Hosting;

public static class ServiceDefaults
{
    /// <summary>Validated options, the object stores, health checks, Kestrel ports and graceful shutdown.</summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder)
    {
        builder.Configuration.AddEnvironmentVariables("FACEMESH_");
        var services = builder.Services;
        services.AddOptions<ServiceOptions>().BindConfiguration(ServiceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ObjectStoreOptions>().BindConfiguration(ObjectStoreOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ObjectStoreOptions>>().Value;
            var client = MinioObjectStore.CreateClient(options);
            return new ObjectStores(new MinioObjectStore(client, options.WorkBucket), new MinioObjectStore(client, options.DatasetsBucket), options.DatasetsBucket);
        });
        services.AddHostedService<BucketInitializer>();
        services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), tags: ["live"]);
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(45));

        var service = builder.Configuration.GetSection(ServiceOptions.Section).Get<ServiceOptions>() ?? new ServiceOptions();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var address = IPAddress.Parse(service.BindAddress);
            kestrel.Listen(address, service.HttpPort, listen => listen.Protocols = HttpProtocols.Http1);
            if (service.GrpcPort > 0)
            {
                kestrel.Listen(address, service.GrpcPort, listen => listen.Protocols = HttpProtocols.Http2);
            }

            kestrel.Limits.MaxRequestBodySize = null;
        });
        return builder;
    }

    /// <summary>gRPC with bearer-token checks: the public tokens, or the internal token for service-to-service APIs.</summary>
    public static IServiceCollection AddFaceMeshGrpc(this IServiceCollection services, bool publicApi)
    {
        services.AddSingleton(sp =>
        {
            var auth = sp.GetRequiredService<IOptions<AuthOptions>>();
            return new BearerTokenInterceptor(() => publicApi ? auth.Value.Tokens : [auth.Value.InternalToken]);
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
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") });
        app.MapHealthChecks("/health/ready");
        if (app.Configuration.GetValue<int>($"{ServiceOptions.Section}:{nameof(ServiceOptions.GrpcPort)}") > 0)
        {
            app.MapGrpcHealthChecksService();
        }

        return app;
    }
}
