using FaceMesh.Hosting;
using FaceMesh.Hosting.Security;
using FaceMesh.Messaging;
using FaceMesh.Storage;

namespace FaceMesh.Hosting.Settings;

/// <summary>The one registry of services and the settings each reads; hosts bind exactly these.</summary>
public static class FaceMeshServices
{
    public static readonly FaceMeshService FrameExtractor = new("frame-extractor", 5001,
        [.. Common(), new SettingsGroup<AuthOptions>(AuthOptions.Section, nameof(AuthOptions.Tokens)), new SettingsGroup<ExtractorOptions>(ExtractorOptions.Section)]);

    public static readonly FaceMeshService Encoder = new("encoder", 0,
        [.. Common(), new SettingsGroup<AuthOptions>(AuthOptions.Section), new SettingsGroup<EncoderOptions>(EncoderOptions.Section)]);

    public static readonly FaceMeshService Clusterer = new("clusterer", 5002,
        [.. Common(), new SettingsGroup<AuthOptions>(AuthOptions.Section)]);

    /// <summary>Also serves the review pages (<c>/review/{job}/</c>) behind the public API tokens.</summary>
    public static readonly FaceMeshService Exporter = new("exporter", 0,
        [.. Common(), new SettingsGroup<AuthOptions>(AuthOptions.Section, nameof(AuthOptions.Tokens))]);

    public static IReadOnlyList<FaceMeshService> All { get; } = [FrameExtractor, Encoder, Clusterer, Exporter];

    private static SettingsGroup[] Common() =>
    [
        new SettingsGroup<ServiceOptions>(ServiceOptions.Section),
        new SettingsGroup<ObjectStoreOptions>(ObjectStoreOptions.Section),
        new SettingsGroup<RabbitMqOptions>(RabbitMqOptions.Section),
    ];
}
