using System.Collections.Concurrent;

namespace FaceMesh.IntegrationTests;

/// <summary>The requests a client sends: their methods, and each one's URL and headers as sent.</summary>
internal sealed class RequestLog : DelegatingHandler
{
    private readonly ConcurrentQueue<SentRequest> _requests = new();

    /// <summary>Answers instead of the server while it returns a response; null passes the request on.</summary>
    public Func<HttpRequestMessage, HttpResponseMessage?>? Intercept { get; set; }

    public IReadOnlyList<string> Methods => [.. _requests.Select(r => r.Method)];

    public IReadOnlyList<SentRequest> Requests => [.. _requests];

    public void Clear() => _requests.Clear();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(',', h.Value));
        _requests.Enqueue(new SentRequest(request.Method.Method, request.RequestUri!, headers));
        return Intercept?.Invoke(request) is { } answer ? Task.FromResult(answer) : base.SendAsync(request, cancellationToken);
    }
}

internal sealed record SentRequest(string Method, Uri Uri, IReadOnlyDictionary<string, string> Headers);
