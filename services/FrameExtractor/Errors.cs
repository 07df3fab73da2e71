using Grpc.Core;

namespace FaceMesh.FrameExtractor;

/// <summary>Throw helpers that map failures to the right gRPC status with a clear message.</summary>
public static class Errors
{
    public static RpcException Invalid(string message) => new(new Status(StatusCode.InvalidArgument, message));

    public static RpcException NotFound(string jobId) => new(new Status(StatusCode.NotFound, $"no job '{jobId}'"));
}
