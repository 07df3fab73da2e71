using System.ComponentModel.DataAnnotations;

namespace FaceMesh.Hosting;

/// <summary>Listening ports: section <c>Service</c>. gRPC needs HTTP/2 without TLS, health probes plain HTTP/1.1.</summary>
public sealed class ServiceOptions
{
    public const string Section = "Service";

    /// <summary>0 when the service serves no gRPC.</summary>
    [Range(0, 65535)]
    public int GrpcPort { get; set; }

    [Range(1, 65535)]
    public int HttpPort { get; set; } = 8080;

    /// <summary>Address to bind; 0.0.0.0 in containers, 127.0.0.1 in tests.</summary>
    [Required]
    public string BindAddress { get; set; } = "0.0.0.0";
}
