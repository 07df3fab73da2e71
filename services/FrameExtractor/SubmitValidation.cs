using FaceMesh.Contracts.V1;
using FaceMesh.Pipeline.Clustering;
using FaceMesh.Pipeline.Distributed;
using Grpc.Core;

namespace FaceMesh.FrameExtractor;

/// <summary>Checks a submission's header before a byte of footage is accepted.</summary>
public static class SubmitValidation
{
    public static ExtractorState Validate(SubmitHeader header, long maxUploadBytes)
    {
        if (!ObjectKeys.IsValidJobName(header.JobName))
        {
            throw Errors.Invalid($"job name '{header.JobName}' must be 1-64 letters, digits, '-', '_' or '.', not starting with '.'");
        }

        var fileName = Path.GetFileName(header.FileName ?? string.Empty);
        if (!ObjectKeys.IsValidJobName(fileName))
        {
            throw Errors.Invalid($"file name '{header.FileName}' must be 1-64 letters, digits, '-', '_' or '.'");
        }

        if (header.SizeBytes <= 0)
        {
            throw Errors.Invalid("the upload is empty (0 bytes)");
        }

        if (header.SizeBytes > maxUploadBytes)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, $"the upload is {header.SizeBytes:N0} bytes, over the {maxUploadBytes:N0}-byte limit"));
        }

        var options = header.Options ?? new JobOptions();
        var interval = options.IntervalSeconds == 0 ? 1 : options.IntervalSeconds;
        var detector = string.IsNullOrEmpty(options.Detector) ? "ssd" : options.Detector.ToLowerInvariant();
        var eps = options.Eps == 0 ? ClusteringOptions.DefaultEps : options.Eps;
        var minSamples = options.MinSamples == 0 ? ClusteringOptions.DefaultMinSamples : options.MinSamples;
        if (interval is < 0.01 or > 3600)
        {
            throw Errors.Invalid($"interval {interval} s must be between 0.01 and 3600");
        }

        if (detector is not ("ssd" or "tiny"))
        {
            throw Errors.Invalid($"detector '{options.Detector}' must be ssd or tiny");
        }

        if (eps is < 0.01f or > 2f || minSamples is < 1 or > 10_000)
        {
            throw Errors.Invalid($"eps {eps} must be in 0.01-2 and min-samples {minSamples} in 1-10000");
        }

        return new ExtractorState(header.JobName, fileName, interval, detector, eps, minSamples, JobStates.Sampling, 0, 0, null);
    }
}
