using FaceMesh.Pipeline.Distributed;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaceMesh.Infrastructure.Messaging;

public static class MessagingExtensions
{
    /// <summary>Number of delivery attempts of a message inside one consumer before it is treated as failing.</summary>
    public const int RetryLimit = 3;

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
            bus.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                endpoint.UseMessageRetry(retry => retry.Intervals(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)));
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
