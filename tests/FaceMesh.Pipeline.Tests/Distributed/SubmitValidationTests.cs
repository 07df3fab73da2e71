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
    [InlineData("datasets", "")]
    [InlineData("holiday", "../show")]
    [InlineData("holiday", ".show")]
    [InlineData("holiday", "show/one")]
    public void AJobCalledDatasets_OrAHostileDatasetName_IsRefused(string job, string dataset)
    {
        Assert.Throws<JobRequestException>(() => SubmitValidation.Validate(new JobRequest(job, "clip.mp4", 10, Dataset: dataset), Limit));
    }

    [Fact]
    public void ADatasetName_MakesTheJobACollectionsMember_PublishedUnderDatasets()
    {
        var job = SubmitValidation.Validate(new JobRequest("episode1", "clip.mp4", 10, Dataset: "show"), Limit);

        Assert.Equal("show", job.Dataset);
        Assert.Equal("datasets/show/", ObjectKeys.DatasetPrefix(job.JobId, job.Dataset));
        Assert.Null(SubmitValidation.Validate(Header(), Limit).Dataset);
    }

    [Theory]
    [InlineData("our holiday (day 2).mp4", "our_holiday_day_2_.mp4")]
    [InlineData("vacances été.mkv", "vacances_t_.mkv")]
    [InlineData("clip.mp4", "clip.mp4")]
    [InlineData("folder/.hidden clip.mov", "hidden_clip.mov")]
    public void AnyFileName_IsAccepted_KeptAsData_AndKeySafeOnlyInItsKey(string file, string keyName)
    {
        var job = SubmitValidation.Validate(new JobRequest("holiday", file, 1000, 1, "ssd", 0.5f, 3), Limit);

        Assert.Equal(Path.GetFileName(file), job.SourceFile);
        Assert.Equal($"footage/holiday/{keyName}", ObjectKeys.Footage("holiday", job.SourceFile));
    }

    [Theory]
    [InlineData("clip\n.mp4")]
    [InlineData("clip\u0000.mp4")]
    [InlineData("back\\slash.mp4")]
    public void FileNamesWithControlCharactersOrBackslashes_AreRefused(string file) =>
        Assert.Throws<JobRequestException>(() => SubmitValidation.Validate(new JobRequest("holiday", file, 1000, 1, "ssd", 0.5f, 3), Limit));

    [Fact]
    public void ALongFileName_GetsAKeyOfAtMost64Characters_KeepingItsExtension()
    {
        var key = ObjectKeys.SafeFileName(new string('a', 200) + " b.mp4");

        Assert.Equal(64, key.Length);
        Assert.EndsWith(".mp4", key, StringComparison.Ordinal);
        Assert.True(ObjectKeys.IsValidJobName(key));
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
