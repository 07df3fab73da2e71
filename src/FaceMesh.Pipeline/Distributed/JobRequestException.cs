namespace FaceMesh.Pipeline.Distributed;

/// <summary>A job request the rules refuse; <see cref="TooLarge"/> marks a size over the limit (the rest is bad input).</summary>
public sealed class JobRequestException(string message, bool tooLarge = false) : Exception(message)
{
    public bool TooLarge { get; } = tooLarge;
}
