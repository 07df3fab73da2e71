using System.Diagnostics;
using FaceMesh.Hosting.Settings;

namespace FaceMesh.Deployment.Tests;

public sealed class DockerfileTests
{
    private const string ImageSteps = "scripts/image-steps.sh";

    [Theory]
    [MemberData(nameof(ServiceNames.All), MemberType = typeof(ServiceNames))]
    public void RestoreLayer_CopiesEveryProjectFileTheServiceNeeds_BeforeTheSources(string name)
    {
        var instructions = Dockerfiles.Instructions(name);
        var copies = instructions.Where(i => i.Instruction == "COPY" && !i.Arguments.StartsWith("--from", StringComparison.Ordinal))
            .Select(i => i.Arguments.Split(' ')[0]).ToList();
        var needed = Dockerfiles.ProjectClosure(Dockerfiles.ProjectFor(name));
        if (name == FaceMeshServices.Encoder.Name)
        {
            needed = new HashSet<string>(needed.Union(Dockerfiles.ProjectClosure("src/FaceMesh.Cli/FaceMesh.Cli.csproj")));
        }

        var restore = instructions.ToList().FindIndex(i => i.Instruction == "RUN" && i.Arguments.StartsWith($"{ImageSteps} restore", StringComparison.Ordinal));
        var sources = instructions.ToList().FindIndex(i => i.Instruction == "COPY" && i.Arguments.StartsWith("src/ ", StringComparison.Ordinal));
        Assert.All(needed, project => Assert.Contains(project, copies));
        Assert.All(copies, source => Assert.True(File.Exists(Repository.PathOf(source)) || Directory.Exists(Repository.PathOf(source)), $"COPY {source}: no such path"));
        Assert.InRange(restore, 0, sources - 1);
    }

    [Theory]
    [MemberData(nameof(ServiceNames.All), MemberType = typeof(ServiceNames))]
    public void Image_IsMultiStage_RunsAsNonRoot_AndStartsTheServicesAssembly(string name)
    {
        var instructions = Dockerfiles.Instructions(name);

        Assert.True(instructions.Count(i => i.Instruction == "FROM") >= 2);
        var user = instructions.Last(i => i.Instruction == "USER").Arguments;
        Assert.NotEqual("root", user);
        Assert.NotEqual("0", user);
        Assert.Equal($"[\"./{Dockerfiles.AssemblyName(Dockerfiles.ProjectFor(name))}\"]", instructions.Single(i => i.Instruction == "ENTRYPOINT").Arguments);
    }

    [Theory]
    [MemberData(nameof(ServiceNames.All), MemberType = typeof(ServiceNames))]
    public void HealthCheck_AndExposedPorts_MatchWhatTheServiceListensOn(string name)
    {
        var service = ServiceNames.Named(name);
        var instructions = Dockerfiles.Instructions(name);

        var healthCheck = instructions.Single(i => i.Instruction == "HEALTHCHECK").Arguments;
        Assert.Contains($"http://127.0.0.1:{FaceMeshService.HttpPort}{FaceMeshService.ReadyPath}", healthCheck, StringComparison.Ordinal);
        var exposed = instructions.Where(i => i.Instruction == "EXPOSE").SelectMany(i => i.Arguments.Split(' ')).Select(int.Parse).ToHashSet();
        int[] expected = service.GrpcPort > 0 ? [FaceMeshService.HttpPort, service.GrpcPort] : [FaceMeshService.HttpPort];
        Assert.Equal(expected.ToHashSet(), exposed);
    }

    [Theory]
    [MemberData(nameof(ServiceNames.All), MemberType = typeof(ServiceNames))]
    public void DotnetSteps_GoThroughTheSharedImageStepsScript(string name)
    {
        var runs = Dockerfiles.Instructions(name).Where(i => i.Instruction == "RUN").Select(i => i.Arguments).ToList();

        Assert.DoesNotContain(runs, run => run.Contains("dotnet ", StringComparison.Ordinal));
        Assert.Contains(runs, run => run == $"{ImageSteps} publish {Dockerfiles.ProjectFor(name)} out/app");
    }

    [Fact]
    public void EncoderImage_CarriesTheModels_ProvisionedAtBuildTime()
    {
        var instructions = Dockerfiles.Instructions(FaceMeshServices.Encoder.Name);

        Assert.Contains(instructions, i => i is ("RUN", $"{ImageSteps} models out/models"));
        Assert.Contains(instructions, i => i is ("COPY", "--from=build /src/out/models /models"));
        Assert.Contains(instructions, i => i is ("ENV", "Encoder__ModelsPath=/models"));
        Assert.Contains(FaceMeshServices.Encoder.Settings, s => s.Key == "Encoder__ModelsPath");
    }

    /// <summary>
    /// The FrameExtractor samples footage with the distribution's ffmpeg command (SIMD-built: about half the CPU time of
    /// the FFmpeg inside the OpenCV runtime, BENCHMARKS.md); the other services decode no video.
    /// </summary>
    [Fact]
    public void FrameExtractorImage_InstallsTheFfmpegCommand_InItsRuntimeStage()
    {
        var instructions = Dockerfiles.Instructions(FaceMeshServices.FrameExtractor.Name);
        var runtimeStage = instructions.SkipWhile(i => i.Instruction != "FROM").Skip(1).SkipWhile(i => i.Instruction != "FROM").ToList();

        Assert.Contains(runtimeStage, i => i.Instruction == "RUN" && i.Arguments.Contains("apt-get install", StringComparison.Ordinal)
            && i.Arguments.Split(' ').Contains("ffmpeg"));
    }

    /// <summary>
    /// What the image's publish step (<see cref="ImageSteps"/>, for linux-x64) does with the project, as MSBuild
    /// evaluates it: precompiled, so a replica added with <c>kubectl scale</c> is ready 0.3-0.8 s sooner and compiles
    /// little during its first job (BENCHMARKS.md).
    /// </summary>
    [Theory]
    [MemberData(nameof(ServiceNames.All), MemberType = typeof(ServiceNames))]
    public void ImagePublish_IsReadyToRun(string name)
    {
        var start = new ProcessStartInfo("dotnet", ["msbuild", Repository.PathOf(Dockerfiles.ProjectFor(name)), "-getProperty:PublishReadyToRun", "-p:RuntimeIdentifier=linux-x64", "-p:Configuration=Release"])
        {
            RedirectStandardOutput = true,
        };
        using var msbuild = Process.Start(start)!;
        var output = msbuild.StandardOutput.ReadToEnd();
        msbuild.WaitForExit();

        Assert.Equal(0, msbuild.ExitCode);
        Assert.Equal("true", output.Trim());
    }

    [Fact]
    public void ContinuousIntegration_RunsTheDockerfilesImageSteps()
    {
        var ci = Repository.Read(".ci/run");
        var check = Repository.Read("scripts/check-image-steps.sh");

        Assert.Contains("scripts/check-image-steps.sh", ci, StringComparison.Ordinal);
        Assert.Contains("services/*/Dockerfile", check, StringComparison.Ordinal);
    }
}
