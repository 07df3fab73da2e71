using FaceMesh.Contracts.V1;
using FaceMesh.Engine.Video;
using FaceMesh.Pipeline.Clustering;

namespace FaceMesh.Pipeline.Distributed;

/// <summary>Checks a submission's header before a byte of footage is accepted; a refusal is a <see cref="JobRequestException"/>.</summary>
public static class SubmitValidation
{
    public static ExtractorState Validate(SubmitHeader header, long maxUploadBytes)
    {
        if (!ObjectKeys.IsValidJobName(header.JobName))
        {
            throw new JobRequestException($"job name '{header.JobName}' must be 1-64 letters, digits, '-', '_' or '.', not starting with '.'");
        }

        var fileName = Path.GetFileName(header.FileName ?? string.Empty);
        if (!ObjectKeys.IsValidJobName(fileName))
        {
            throw new JobRequestException($"file name '{header.FileName}' must be 1-64 letters, digits, '-', '_' or '.'");
        }

        if (header.SizeBytes <= 0)
        {
            throw new JobRequestException("the upload is empty (0 bytes)");
        }

        if (header.SizeBytes > maxUploadBytes)
        {
            throw new JobRequestException($"the upload is {header.SizeBytes:N0} bytes, over the {maxUploadBytes:N0}-byte limit", tooLarge: true);
        }

        var options = header.Options ?? new JobOptions();
        var interval = options.IntervalSeconds == 0 ? 1 : options.IntervalSeconds;
        var detector = string.IsNullOrEmpty(options.Detector) ? "ssd" : options.Detector.ToLowerInvariant();
        var eps = options.Eps == 0 ? ClusteringOptions.DefaultEps : options.Eps;
        var minSamples = options.MinSamples == 0 ? ClusteringOptions.DefaultMinSamples : options.MinSamples;
        // Written as "not within" so that NaN, which compares false with everything, is refused too.
        if (interval is not (>= 0.01 and <= 3600))
        {
            throw new JobRequestException($"interval {interval} s must be between 0.01 and 3600");
        }

        if (detector is not ("ssd" or "tiny"))
        {
            throw new JobRequestException($"detector '{options.Detector}' must be ssd or tiny");
        }

        if (eps is not (>= 0.01f and <= 2f) || minSamples is < 1 or > 10_000)
        {
            throw new JobRequestException($"eps {eps} must be in 0.01-2 and min-samples {minSamples} in 1-10000");
        }

        return new ExtractorState(header.JobName, fileName, interval, detector, eps, minSamples, JobStates.Sampling, 0, 0, null);
    }

    /// <summary>The received footage is video a frame can be sampled from; errors name the client's file, not the scratch path.</summary>
    public static void EnsureReadable(string path, ExtractorState job)
    {
        try
        {
            using var sampler = new FrameSampler(path, TimeSpan.FromSeconds(job.IntervalSeconds));
            if (!sampler.Sample().Any())
            {
                throw new JobRequestException($"{job.SourceFile}: no frame could be decoded");
            }
        }
        catch (InvalidVideoException e)
        {
            throw new JobRequestException(e.Message.Replace(path, job.SourceFile, StringComparison.Ordinal));
        }
    }
}
