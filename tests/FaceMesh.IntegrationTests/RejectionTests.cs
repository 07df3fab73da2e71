using FaceMesh.Contracts.V1;
using Grpc.Core;

namespace FaceMesh.IntegrationTests;

/// <summary>Every rejection is the right gRPC status with a message, and leaves no job behind.</summary>
[Collection(DistributedCollection.Name)]
public sealed class RejectionTests(DistributedSystem system, Footage footage) : IClassFixture<Footage>
{
    [Fact]
    public async Task NoToken_IsUnauthenticated()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => system.Client.ListJobsAsync(new ListJobsRequest()).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task WrongToken_IsUnauthenticated_AndARotatedTokenWorks()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            system.Client.ListJobsAsync(new ListJobsRequest(), new Metadata { { "authorization", "Bearer not-the-token" } }).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        await system.Client.ListJobsAsync(new ListJobsRequest(), new Metadata { { "authorization", $"Bearer {DistributedSystem.RotatedToken}" } });
    }

    [Fact]
    public async Task SubmitWithoutToken_IsUnauthenticated_AndCreatesNothing()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => JobDriver.SubmitAsync(system, footage.Clip.Path, "no-token", new Metadata()));
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        await AssertNoJob("no-token");
    }

    [Fact]
    public async Task OversizedUpload_IsResourceExhausted()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => JobDriver.SubmitAsync(system, footage.Clip.Path, "too-big", declaredSize: DistributedSystem.MaxUploadBytes + 1));
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        await AssertNoJob("too-big");
    }

    [Fact]
    public async Task NonVideoUpload_IsInvalidArgument_AndLeavesNoState()
    {
        var path = Path.Combine(footage.Folder, "notes.mp4");
        await File.WriteAllTextAsync(path, "this is not a video");
        var error = await Assert.ThrowsAsync<RpcException>(() => JobDriver.SubmitAsync(system, path, "not-a-video"));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("not a readable video", error.Status.Detail);
        await AssertNoJob("not-a-video");
        Assert.Null(await system.Work.GetAsync("footage/not-a-video/notes.mp4"));
    }

    [Fact]
    public async Task TextFileUpload_IsNotFootage_InvalidArgument()
    {
        // FFmpeg opens a .txt as ANSI "video" (tty demuxer): this used to end Done with frames 5/5 and no faces.
        var path = Path.Combine(footage.Folder, "readme.txt");
        await File.WriteAllTextAsync(path, string.Join('\n', Enumerable.Range(1, 80).Select(i => $"line {i} of a readme that is not footage")));
        var error = await Assert.ThrowsAsync<RpcException>(() => JobDriver.SubmitAsync(system, path, "readme"));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("the file is text", error.Status.Detail);
        await AssertNoJob("readme");
    }

    [Theory]
    [InlineData("../etc")]
    [InlineData("a/b")]
    [InlineData(".hidden")]
    [InlineData("")]
    public async Task HostileJobName_IsInvalidArgument(string name)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => JobDriver.SubmitAsync(system, footage.Clip.Path, name));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("job name", error.Status.Detail);
    }

    [Fact]
    public async Task UnknownJob_IsNotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => system.Client.GetJobAsync(new GetJobRequest { JobId = "no-such-job" }, system.Auth).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    private async Task AssertNoJob(string name)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => system.Client.GetJobAsync(new GetJobRequest { JobId = name }, system.Auth).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        var jobs = await system.Client.ListJobsAsync(new ListJobsRequest(), system.Auth);
        Assert.DoesNotContain(jobs.Jobs, j => j.JobId == name);
    }

    [Fact]
    public async Task AnEncoderWithoutModels_RefusesToStart_InOneLine_AndFetchesNothing()
    {
        var empty = Directory.CreateTempSubdirectory("facemesh-no-models-").FullName;
        try
        {
            using var encoder = system.Stray("FaceMesh.Encoder", new Dictionary<string, string> { ["Encoder__ModelsPath"] = empty });
            encoder.Start();

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => encoder.WaitReadyAsync(TimeSpan.FromSeconds(60)));

            Assert.Equal(2, encoder.ExitCode);
            Assert.Contains("facemesh models install", error.Message, StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFileSystemEntries(empty));
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Theory]
    [InlineData("FaceMesh.Encoder", "Service__GrpcPort", "15999", "Service__GrpcPort is 15999, but the encoder serves no gRPC")]
    [InlineData("FaceMesh.Exporter", "Service__GrpcPort", "15999", "Service__GrpcPort is 15999, but the exporter serves no gRPC")]
    [InlineData("FaceMesh.Clusterer", "Service__HttpPort", "eighty", "unreadable listener settings")]
    [InlineData("FaceMesh.FrameExtractor", "Service__HttpPort", "70000", "Service__HttpPort")]
    [InlineData("FaceMesh.Clusterer", "Service__BindAddress", "localhost:80", "'localhost:80' is not an IP address")]
    public async Task AServiceWithAListenerSettingItCannotUse_SaysSoInOneLine_AndExits2(string assembly, string key, string value, string expected)
    {
        using var service = system.Stray(assembly, new Dictionary<string, string> { [key] = value });
        service.Start();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => service.WaitReadyAsync(TimeSpan.FromSeconds(60)));

        Assert.Equal(2, service.ExitCode);
        var line = Assert.Single(error.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FaceMesh.FrameExtractor")]
    [InlineData("FaceMesh.Encoder")]
    public async Task AServiceWithoutItsSettings_SaysWhichInOneLine_AndExits2(string assembly)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(ServiceProcess.BinaryFolder(assembly), $"{assembly}.dll"));
        foreach (var key in start.Environment.Keys.Where(k => k.Contains("__", StringComparison.Ordinal) || k.StartsWith("FACEMESH_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

        Assert.Equal(2, process.ExitCode);
        var line = Assert.Single((await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains("missing settings", line, StringComparison.Ordinal);
        Assert.Contains("ObjectStore__Endpoint", line, StringComparison.Ordinal);
    }
}
