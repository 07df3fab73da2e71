using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FaceMesh.Contracts.V1;
using FaceMesh.Storage;
using FaceMesh.Testing;
using Grpc.Core;
using Grpc.Net.Client;

namespace FaceMesh.IntegrationTests;

/// <summary>
/// The four services as separate processes on loopback ports (two encoder replicas) over the real RabbitMQ (a virtual
/// host of its own) and the S3 server (buckets of its own), as tests/integration-servers/start.sh starts them.
/// A missing server fails the tests; nothing is skipped.
/// </summary>
public sealed class DistributedSystem : IAsyncLifetime
{
    public const string Token = "tenant-a:integration-test-token-1";
    public const string RotatedToken = "tenant-a:integration-test-token-2";
    public const string OtherTenantToken = "tenant-b:integration-other-token";
    public const string AdminToken = "integration-admin-token";
    public const long MaxUploadBytes = 64L * 1024 * 1024;
    private const string S3Endpoint = "127.0.0.1:9000";
    private readonly string _id = Guid.NewGuid().ToString("N")[..10];
    private readonly Dictionary<string, string> _environment = new();

    public ServiceProcess Extractor { get; private set; } = null!;

    public ServiceProcess Clusterer { get; private set; } = null!;

    public List<ServiceProcess> Encoders { get; } = [];

    public ServiceProcess Exporter { get; private set; } = null!;

    public Jobs.JobsClient Client { get; private set; } = null!;

    public MinioObjectStore Work { get; private set; } = null!;

    public MinioObjectStore Datasets { get; private set; } = null!;

    public Metadata Auth { get; } = new() { { "authorization", $"Bearer {Token}" } };

    public Metadata OtherTenant { get; } = new() { { "authorization", $"Bearer {OtherTenantToken}" } };

    public Metadata Admin { get; } = new() { { "authorization", $"Bearer {AdminToken}" } };

    private GrpcChannel? _channel;

    public string VirtualHost => $"facemesh-{_id}";

    public async Task InitializeAsync()
    {
        RequireServer(5672, "RabbitMQ");
        RequireServer(9000, "the S3 server (s3rver)");
        // As the Encoder image does at build time: Encoders open installed models and never provision them.
        await ModelsFixture.EnsureInstalledAsync();
        Rabbitmqctl("add_vhost", VirtualHost);
        Rabbitmqctl("set_permissions", "-p", VirtualHost, "guest", ".*", ".*", ".*");

        var clustererGrpc = FreePort();
        var extractorGrpc = FreePort();
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["ObjectStore__Endpoint"] = S3Endpoint,
            ["ObjectStore__AccessKey"] = "S3RVER",
            ["ObjectStore__SecretKey"] = "S3RVER",
            ["ObjectStore__WorkBucket"] = $"work-{_id}",
            ["ObjectStore__DatasetsBucket"] = $"datasets-{_id}",
            ["RabbitMq__Host"] = "127.0.0.1",
            ["RabbitMq__VirtualHost"] = VirtualHost,
            ["RabbitMq__Username"] = "guest",
            ["RabbitMq__Password"] = "guest",
            ["Auth__Tokens__0"] = Token,
            ["Auth__Tokens__1"] = RotatedToken,
            ["Auth__Tokens__2"] = OtherTenantToken,
            ["Auth__AdminTokens__0"] = AdminToken,
            ["Auth__InternalToken"] = $"internal-{_id}-0123456789",
            ["Service__BindAddress"] = "127.0.0.1",
            ["Encoder__ClustererUrl"] = $"http://127.0.0.1:{clustererGrpc}",
            ["Encoder__Engines"] = "1",
            ["Extractor__MaxUploadBytes"] = MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Extractor__ScratchFolder"] = Path.Combine(Path.GetTempPath(), $"facemesh-it-{_id}"),
            ["Logging__LogLevel__Default"] = "Warning",
        })
        {
            _environment[key] = value;
        }

        Extractor = Service("extractor", "FaceMesh.FrameExtractor", extractorGrpc);
        Clusterer = Service("clusterer", "FaceMesh.Clusterer", clustererGrpc);
        Exporter = Service("exporter", "FaceMesh.Exporter", 0);
        Encoders.Add(Service("encoder-1", "FaceMesh.Encoder", 0));
        Encoders.Add(Service("encoder-2", "FaceMesh.Encoder", 0));
        foreach (var service in All())
        {
            service.Start();
        }

        foreach (var service in All())
        {
            await service.WaitReadyAsync(TimeSpan.FromSeconds(90));
        }

        ExtractorUrl = $"http://127.0.0.1:{extractorGrpc}";
        _channel = GrpcChannel.ForAddress(ExtractorUrl);
        Client = new Jobs.JobsClient(_channel);
        var client = MinioObjectStore.CreateClient(new ObjectStoreOptions { Endpoint = S3Endpoint, AccessKey = "S3RVER", SecretKey = "S3RVER" });
        Work = new MinioObjectStore(client, $"work-{_id}");
        Datasets = new MinioObjectStore(client, $"datasets-{_id}");
    }

    /// <summary>Starts a fresh process in place of a killed one (same ports and settings).</summary>
    public async Task<ServiceProcess> RestartAsync(ServiceProcess old, string assembly, int grpcPort, TimeSpan downFor = default)
    {
        old.Kill();
        await Task.Delay(downFor);
        var fresh = new ServiceProcess(old.Name, assembly, Environment(grpcPort, old.HttpPort), old.HttpPort);
        fresh.Start();
        await fresh.WaitReadyAsync(TimeSpan.FromSeconds(90));
        return fresh;
    }

    public int ClustererGrpcPort => new Uri(_environment["Encoder__ClustererUrl"]).Port;

    public string ExtractorUrl { get; private set; } = string.Empty;

    public async Task RestartClustererAsync(TimeSpan downFor = default) => Clusterer = await RestartAsync(Clusterer, "FaceMesh.Clusterer", ClustererGrpcPort, downFor);

    /// <summary>Starts one more encoder replica (kubectl scale, in test form) and waits until it is ready.</summary>
    public async Task<ServiceProcess> AddEncoderAsync()
    {
        var encoder = Service($"encoder-{Encoders.Count + 1}", "FaceMesh.Encoder", 0);
        Encoders.Add(encoder);
        encoder.Start();
        await encoder.WaitReadyAsync(TimeSpan.FromSeconds(90));
        return encoder;
    }

    public async Task RestartExtractorAsync() => Extractor = await RestartAsync(Extractor, "FaceMesh.FrameExtractor", new Uri(ExtractorUrl).Port);

    public string Logs() => string.Join("\n\n", All().Select(s => $"== {s.Name}\n{s.Output}"));

    public Task DisposeAsync()
    {
        foreach (var service in All())
        {
            service.Dispose();
        }

        _channel?.Dispose();
        Rabbitmqctl("delete_vhost", VirtualHost);
        return Task.CompletedTask;
    }

    public static string Rabbitmqctl(params string[] arguments)
    {
        var start = new ProcessStartInfo("rabbitmqctl") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-q");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} failed: {error}");
        }

        return output.Result;
    }

    /// <summary>Messages waiting in a queue of this system's virtual host (0 when the queue does not exist).</summary>
    public int QueueLength(string queue) =>
        Rabbitmqctl("list_queues", "-p", VirtualHost, "name", "messages").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .Where(columns => columns.Length == 2 && columns[0] == queue)
            .Select(columns => int.Parse(columns[1], System.Globalization.CultureInfo.InvariantCulture))
            .SingleOrDefault();

    private IEnumerable<ServiceProcess> All() => new[] { Extractor, Clusterer, Exporter }.Concat(Encoders).Where(s => s is not null);

    /// <summary>One more instance of a service with some settings changed, beside the system (the caller's to dispose).</summary>
    public ServiceProcess Stray(string assembly, IReadOnlyDictionary<string, string> settings)
    {
        var httpPort = FreePort();
        var environment = Environment(0, httpPort);
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        return new ServiceProcess($"stray-{assembly}", assembly, environment, httpPort);
    }

    private ServiceProcess Service(string name, string assembly, int grpcPort)
    {
        var httpPort = FreePort();
        return new ServiceProcess(name, assembly, Environment(grpcPort, httpPort), httpPort);
    }

    private Dictionary<string, string> Environment(int grpcPort, int httpPort) => new(_environment)
    {
        ["Service__GrpcPort"] = grpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Service__HttpPort"] = httpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void RequireServer(int port, string name)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect(IPAddress.Loopback, port);
        }
        catch (SocketException)
        {
            throw new InvalidOperationException($"{name} is not listening on 127.0.0.1:{port}: run tests/integration-servers/start.sh first.");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DistributedCollection : ICollectionFixture<DistributedSystem>
{
    public const string Name = "distributed";
}
