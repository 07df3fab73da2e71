namespace FaceMesh.Review;

/// <summary>An edit that cannot apply (an unknown person or face, a bad name); the message is shown to the reviewer.</summary>
public sealed class ReviewException(string message) : Exception(message);
