using FaceMesh.Pipeline.Distributed;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaceMesh.Messaging;

public static class MessagingExtensions
{
    /// <summary>The waits between a consumer's attempts at one message; after the last, the message has failed.</summary>
    public static readonly TimeSpan[] RetryIntervals = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)];

    /// <summary>The retry attempt (as <c>GetRetryAttempt</c> counts) that is a message's last.</summary>
    public static int RetryLimit => RetryIntervals.Length;

    /// <summary>
    /// MassTransit over RabbitMQ with retries set once for every endpoint, kebab-case names, consumers added by the host.
    /// <see cref="RabbitMqOptions"/> are bound with the service's other settings.
    /// </summary>
    public static IServiceCollection AddFaceMeshBus(this IServiceCollection services, Action<IBusRegistrationConfigurator> consumers)
    {
        services.AddScoped<IJobBus, MassTransitJobBus>();
        services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            // MassTransit 8.4+ reports anonymous usage to its vendor; these services run where no such host is
            // reachable (and must not try), so it is off in code, not left to an environment variable.
            bus.ConfigureUsageTelemetryOptions(telemetry => telemetry.Enabled = false);
            bus.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                endpoint.UseMessageRetry(retry => retry.Intervals(RetryIntervals));
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    rabbit.PrefetchCount = context.GetRequiredService<IOptions<RabbitMqOptions>>().Value.PrefetchCount;
                }
            });
            consumers(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var options = context.GetRequiredService<IOptions<RabbitMqOptions>>().Value;
                rabbit.Host(options.Host, (ushort)options.Port, options.VirtualHost, host =>
                {
                    host.Username(options.Username);
                    host.Password(options.Password);
                });
                rabbit.ConfigureEndpoints(context);
            });
        });
        services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = false;
            o.ConsumerStopTimeout = TimeSpan.FromSeconds(30);
            o.StopTimeout = TimeSpan.FromSeconds(40);
        });
        return services;
    }
}
