using Grpc.Core;
using Grpc.Core.Interceptors;

namespace FaceMesh.Infrastructure.Security;

/// <summary>Rejects gRPC calls without one of the accepted bearer tokens (compared in constant time).</summary>
public sealed class BearerTokenInterceptor(Func<IReadOnlyList<string>> acceptedTokens) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(request, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(requestStream, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(request, responseStream, context);
    }

    private void Authorize(ServerCallContext context)
    {
        if (context.Method.StartsWith("/grpc.health.v1.", StringComparison.Ordinal))
        {
            return;
        }

        var header = context.RequestHeaders.GetValue("authorization");
        if (string.IsNullOrEmpty(header) || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "a bearer token is required (authorization: Bearer <token>)"));
        }

        if (!BearerTokens.Accepts(acceptedTokens(), header["Bearer ".Length..].Trim()))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "the bearer token is not valid"));
        }
    }
}
