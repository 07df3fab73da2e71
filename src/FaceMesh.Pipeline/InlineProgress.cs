namespace FaceMesh.Pipeline;

/// <summary>
/// Reports on the calling thread, in order. <see cref="Progress{T}"/> posts each report to the thread pool, so the
/// last ones can land after the work (and its summary) is done, out of order.
/// </summary>
public sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
