namespace FaceMesh.Pipeline.Distributed;

/// <summary>Why the job rules refuse a request; the public API maps each to its status once.</summary>
public enum JobRefusal
{
    /// <summary>Bad input: a name, an option, footage that is not video.</summary>
    Invalid,

    /// <summary>An upload over the size limit.</summary>
    TooLarge,

    /// <summary>A job of that name exists.</summary>
    AlreadyExists,

    /// <summary>The job is not in a state that allows it (cancel a finished job, delete a running one).</summary>
    WrongState,

    /// <summary>Something of another owner's (a collection another user started).</summary>
    NotOwner,
}

/// <summary>A job request the rules refuse, saying why in <see cref="Refusal"/> and to the user in the message.</summary>
public sealed class JobRequestException(string message, JobRefusal refusal = JobRefusal.Invalid) : Exception(message)
{
    public JobRefusal Refusal { get; } = refusal;
}
