namespace FaceMesh.Infrastructure.Settings;

/// <summary>A setting whose value is a credential: it comes from the environment or a secret store, never from a committed file.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute;
