using FaceMesh.Hosting.Security;
using Grpc.Core;

namespace FaceMesh.Hosting.Tests.Security;

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

    [Fact]
    public async Task TheService_SeesWhoCalled()
    {
        var auth = new AuthOptions { Tokens = ["alice:old-secret", "plain-token"], AdminTokens = ["root-token"] };
        var interceptor = new BearerTokenInterceptor(presented => BearerTokens.Identify(auth, presented));
        async Task<Pipeline.Distributed.Caller> Caller(string token) =>
            await interceptor.UnaryServerHandler("request", new TestCallContext(Method, new Metadata { { "authorization", $"Bearer {token}" } }),
                (_, context) => Task.FromResult(BearerTokenInterceptor.CallerOf(context)));

        Assert.Equal(new("tenant:alice", false), await Caller("alice:old-secret"));
        Assert.Equal(BearerTokens.OwnerOf("plain-token"), (await Caller("plain-token")).Id);
        Assert.True((await Caller("root-token")).IsAdmin);
    }

    [Fact]
    public void Owners_AreTenantsOrFingerprints_NeverTheToken()
    {
        Assert.Equal(BearerTokens.OwnerOf("alice:old"), BearerTokens.OwnerOf("alice:new"));
        Assert.NotEqual(BearerTokens.OwnerOf("token-one"), BearerTokens.OwnerOf("token-two"));
        Assert.DoesNotContain("token-one", BearerTokens.OwnerOf("token-one"), StringComparison.Ordinal);
        Assert.StartsWith("token:", BearerTokens.OwnerOf("token-one"), StringComparison.Ordinal);
    }

    private static Task<string> Call(IReadOnlyList<string> accepted, string? header, string method = Method)
    {
        var headers = new Metadata();
        if (header is not null)
        {
            headers.Add("authorization", header);
        }

        var interceptor = new BearerTokenInterceptor(presented => BearerTokens.Identify(new AuthOptions { Tokens = [.. accepted] }, presented));
        return interceptor.UnaryServerHandler("request", new TestCallContext(method, headers), (_, _) => Task.FromResult("ok"));
    }
}
