using FaceMesh.Pipeline.Distributed;
using Grpc.Core;

namespace FaceMesh.FrameExtractor;

/// <summary>Throw helpers that map failures to the right gRPC status with a clear message.</summary>
public static class Errors
{
    public static RpcException Invalid(string message) => new(new Status(StatusCode.InvalidArgument, message));

    public static RpcException NotFound(string jobId) => new(new Status(StatusCode.NotFound, $"no job '{jobId}'"));

    /// <summary>The status for each reason the job rules refuse a request.</summary>
    public static RpcException Refused(JobRequestException refusal) => new(new Status(refusal.Refusal switch
    {
        JobRefusal.TooLarge => StatusCode.ResourceExhausted,
        JobRefusal.AlreadyExists => StatusCode.AlreadyExists,
        JobRefusal.WrongState => StatusCode.FailedPrecondition,
        JobRefusal.NotOwner => StatusCode.PermissionDenied,
        _ => StatusCode.InvalidArgument,
    }, refusal.Message));
}
