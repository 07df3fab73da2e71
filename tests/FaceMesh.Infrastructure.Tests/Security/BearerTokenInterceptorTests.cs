using FaceMesh.Infrastructure.Security;
using Grpc.Core;

namespace FaceMesh.Infrastructure.Tests.Security;

public sealed class BearerTokenInterceptorTests
{
    private const string Method = "/facemesh.v1.Jobs/GetJob";

    [Theory]
    [InlineData("Bearer current-token")]
    [InlineData("Bearer next-token")]
    public async Task Call_WithAnAcceptedToken_Passes(string header)
    {
        var reply = await Call(["current-token", "next-token"], header);

        Assert.Equal("ok", reply);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-token")]
    [InlineData("Basic current-token")]
    [InlineData("Bearer ")]
    public async Task Call_WithoutAnAcceptedToken_IsUnauthenticated(string? header)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Call(["current-token", ""], header));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task EmptyRotationSlot_NeverAcceptsAnEmptyToken()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Call([""], "Bearer  "));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task HealthChecks_NeedNoToken()
    {
        var reply = await Call(["current-token"], null, "/grpc.health.v1.Health/Check");

        Assert.Equal("ok", reply);
    }

    private static Task<string> Call(IReadOnlyList<string> accepted, string? header, string method = Method)
    {
        var headers = new Metadata();
        if (header is not null)
        {
            headers.Add("authorization", header);
        }

        var interceptor = new BearerTokenInterceptor(() => accepted);
        return interceptor.UnaryServerHandler("request", new TestCallContext(method, headers), (_, _) => Task.FromResult("ok"));
    }
}
