using System.Collections.Concurrent;

namespace FaceMesh.IntegrationTests;

/// <summary>The requests a client sends, by method.</summary>
internal sealed class RequestLog : DelegatingHandler
{
    private readonly ConcurrentQueue<string> _methods = new();

    public IReadOnlyList<string> Methods => [.. _methods];

    public void Clear() => _methods.Clear();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _methods.Enqueue(request.Method.Method);
        return base.SendAsync(request, cancellationToken);
    }
}
