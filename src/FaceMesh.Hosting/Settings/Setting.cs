namespace FaceMesh.Hosting.Settings;

/// <summary>
/// One environment variable a service reads, e.g. <c>ObjectStore__Endpoint</c>. <see cref="Required"/>: the service
/// refuses to start without it; <see cref="Secret"/>: its value must never be committed.
/// </summary>
public sealed record Setting(string Key, bool Required, bool Secret, string? Default);
