using FaceMesh.Engine.Video;
using FaceMesh.Pipeline.Clustering;

namespace FaceMesh.Pipeline.Distributed;

/// <summary>Checks a submission's header before a byte of footage is accepted; a refusal is a <see cref="JobRequestException"/>.</summary>
public static class SubmitValidation
{
    public static ExtractorState Validate(JobRequest request, long maxUploadBytes)
    {
        if (!ObjectKeys.IsValidJobName(request.JobName))
        {
            throw new JobRequestException($"job name '{request.JobName}' must be 1-64 letters, digits, '-', '_' or '.', not starting with '.'");
        }

        if (request.JobName == ObjectKeys.CollectionsFolder)
        {
            throw new JobRequestException($"job name '{request.JobName}' is reserved: datasets of collections are published under {ObjectKeys.CollectionsFolder}/");
        }

        if (request.Dataset.Length > 0 && !ObjectKeys.IsValidJobName(request.Dataset))
        {
            throw new JobRequestException($"dataset name '{Printable(request.Dataset)}' must be 1-64 letters, digits, '-', '_' or '.', not starting with '.'");
        }

        // Any name a file can have, spaces and accents included: it is kept as data, and made key-safe only where it
        // becomes a key (ObjectKeys.Footage). A client's folders are dropped; control characters, "." and ".." are refused.
        var fileName = Path.GetFileName(request.FileName);
        if (fileName.Length is 0 or > 255 || fileName is "." or ".." || fileName.Contains('\\') || fileName.Any(char.IsControl))
        {
            throw new JobRequestException($"file name '{Printable(fileName)}' must be a file's name (1-255 characters, no folders or control characters)");
        }

        if (request.SizeBytes <= 0)
        {
            throw new JobRequestException("the upload is empty (0 bytes)");
        }

        if (request.SizeBytes > maxUploadBytes)
        {
            throw new JobRequestException($"the upload is {request.SizeBytes:N0} bytes, over the {maxUploadBytes:N0}-byte limit", JobRefusal.TooLarge);
        }

        var interval = request.IntervalSeconds == 0 ? 1 : request.IntervalSeconds;
        var detector = string.IsNullOrEmpty(request.Detector) ? "ssd" : request.Detector.ToLowerInvariant();
        var eps = request.Eps == 0 ? ClusteringOptions.DefaultEps : request.Eps;
        var minSamples = request.MinSamples == 0 ? ClusteringOptions.DefaultMinSamples : request.MinSamples;
        // Written as "not within" so that NaN, which compares false with everything, is refused too.
        if (interval is not (>= 0.01 and <= 3600))
        {
            throw new JobRequestException($"interval {interval} s must be between 0.01 and 3600");
        }

        if (detector is not ("ssd" or "tiny"))
        {
            throw new JobRequestException($"detector '{request.Detector}' must be ssd or tiny");
        }

        if (eps is not (>= 0.01f and <= 2f) || minSamples is < 1 or > 10_000)
        {
            throw new JobRequestException($"eps {eps} must be in 0.01-2 and min-samples {minSamples} in 1-10000");
        }

        return new ExtractorState(request.JobName, fileName, interval, detector, eps, minSamples, JobStates.Sampling, 0, 0, null,
            Dataset: request.Dataset.Length > 0 ? request.Dataset : null);
    }

    /// <summary>A name as it may be quoted in a message: control characters shown as '?', at most 80 characters.</summary>
    private static string Printable(string name) => new([.. name.Take(80).Select(c => char.IsControl(c) ? '?' : c)]);

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
