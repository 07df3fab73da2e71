using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace FaceMesh.Messaging;

/// <summary>RabbitMQ settings: section <c>RabbitMq</c>, e.g. env <c>RabbitMq__Host</c>.</summary>
public sealed class RabbitMqOptions
{
    public const string Section = "RabbitMq";

    [Required]
    public string Host { get; set; } = string.Empty;

    [Range(1, 65535)]
    public int Port { get; set; } = 5672;

    [Required]
    public string VirtualHost { get; set; } = "/";

    [Required]
    [PasswordPropertyText]
    public string Username { get; set; } = string.Empty;

    [Required]
    [PasswordPropertyText]
    public string Password { get; set; } = string.Empty;

    /// <summary>Messages an endpoint takes at once; encoders size it to their engines.</summary>
    [Range(1, 1000)]
    public int PrefetchCount { get; set; } = 16;
}
