using FaceMesh.Pipeline.Distributed;

namespace FaceMesh.Pipeline.Tests.Distributed;

/// <summary>The rules a submission's header must pass before a byte of footage is accepted.</summary>
public sealed class SubmitValidationTests
{
    private const long Limit = 1000;

    [Fact]
    public void AValidHeader_BecomesASamplingJob_WithDefaultsFilledIn()
    {
        var job = SubmitValidation.Validate(Header(), Limit);

        Assert.Equal(("holiday", "clip.mp4", 1.0, "ssd", 0.5f, 3, JobStates.Sampling), (job.JobId, job.SourceFile, job.IntervalSeconds, job.Detector, job.Eps, job.MinSamples, job.State));
    }

    [Theory]
    [InlineData("", "clip.mp4")]
    [InlineData(".hidden", "clip.mp4")]
    [InlineData("a/b", "clip.mp4")]
    [InlineData("holiday", "")]
    [InlineData("holiday", "..")]
    public void HostileNames_AreRefused(string job, string file)
    {
        Assert.Throws<JobRequestException>(() => SubmitValidation.Validate(Header(job, file), Limit));
    }

    [Theory]
    [InlineData(0L, false)]
    [InlineData(-1L, false)]
    [InlineData(Limit + 1, true)]
    public void EmptyAndOversizedUploads_AreRefused_OversizedAsTooLarge(long size, bool tooLarge)
    {
        var error = Assert.Throws<JobRequestException>(() => SubmitValidation.Validate(Header(size: size), Limit));

        Assert.Equal(tooLarge, error.Refusal == JobRefusal.TooLarge);
    }

    [Theory]
    [InlineData(double.NaN, "ssd", 0.5f, 3)]
    [InlineData(double.PositiveInfinity, "ssd", 0.5f, 3)]
    [InlineData(-1, "ssd", 0.5f, 3)]
    [InlineData(0.001, "ssd", 0.5f, 3)]
    [InlineData(1, "yolo", 0.5f, 3)]
    [InlineData(1, "ssd", float.NaN, 3)]
    [InlineData(1, "ssd", 5f, 3)]
    [InlineData(1, "ssd", 0.5f, -2)]
    public void AbsurdOptions_AreRefused(double interval, string detector, float eps, int minSamples)
    {
        var header = Header() with { IntervalSeconds = interval, Detector = detector, Eps = eps, MinSamples = minSamples };

        Assert.Throws<JobRequestException>(() => SubmitValidation.Validate(header, Limit));
    }

    [Fact]
    public void ReceivedFootage_ThatIsNoVideo_IsRefused_NamingTheClientsFile()
    {
        var scratch = Path.Combine(Path.GetTempPath(), $"facemesh-scratch-{Guid.NewGuid():N}.mp4");
        File.WriteAllBytes(scratch, [0, 1, 2, 3, 4, 5, 6, 7]);
        try
        {
            var error = Assert.Throws<JobRequestException>(() => SubmitValidation.EnsureReadable(scratch, SubmitValidation.Validate(Header(), Limit)));

            Assert.DoesNotContain(scratch, error.Message, StringComparison.Ordinal);
            Assert.Contains("clip.mp4", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(scratch);
        }
    }

    [Fact]
    public void ReceivedFootage_ThatIsVideo_Passes()
    {
        var folder = Directory.CreateTempSubdirectory("facemesh-readable-").FullName;
        try
        {
            SubmitValidation.EnsureReadable(SyntheticClip.Write(folder, seconds: 2), SubmitValidation.Validate(Header(), Limit));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static JobRequest Header(string job = "holiday", string file = "clip.mp4", long size = 100) => new(job, file, size);
}
