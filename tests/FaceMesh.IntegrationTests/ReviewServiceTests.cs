using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FaceMesh.Contracts.V1;
using FaceMesh.Review;

namespace FaceMesh.IntegrationTests;

/// <summary>The Exporter's review pages over a dataset in the datasets bucket, behind the public API tokens.</summary>
[Collection(DistributedCollection.Name)]
public sealed class ReviewServiceTests(DistributedSystem system, Footage footage) : IClassFixture<Footage>
{
    private Uri Review(string job, string path = "") => new($"http://127.0.0.1:{system.Exporter.HttpPort}/review/{job}/{path}");

    [Fact]
    public async Task ReviewOfAFinishedJob_NeedsAToken_AndStoresEditsBesideItsManifest()
    {
        var jobId = await JobDriver.SubmitAsync(system, footage.Clip.Path, "reviewed");
        Assert.Equal(JobState.Done, (await JobDriver.WatchAsync(system, jobId))[^1].State);
        using var anonymous = new HttpClient();
        using var authorized = new HttpClient();
        authorized.DefaultRequestHeaders.Authorization = new("Bearer", DistributedSystem.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Review(jobId, "api/state"))).StatusCode);
        using var state = JsonDocument.Parse(await authorized.GetStringAsync(Review(jobId, "api/state")));
        var person = state.RootElement.GetProperty("people")[0];
        var face = person.GetProperty("faces")[0].GetString();
        var portrait = await authorized.GetAsync(Review(jobId, $"faces/{face}.jpg"));
        var named = await authorized.PostAsJsonAsync(Review(jobId, "api/actions"), new { action = "name", person = person.GetProperty("id").GetString(), name = "Obama" });

        Assert.Equal("image/jpeg", portrait.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        var stored = ReviewEditsJson.Deserialize(await system.Datasets.GetAsync($"{jobId}/{ReviewSession.EditsFile}") ?? []);
        Assert.Equal("Obama", stored.People.Single().Name);

        var local = Path.Combine(footage.Folder, "reviewed-fetched");
        var fetch = await CliProcess.RunAsync("fetch", jobId, "-o", local, "--s3-endpoint", "127.0.0.1:9000", "--bucket", system.Datasets.Bucket);
        var export = await CliProcess.RunAsync("export", local, "--format", "imagefolder", "-o", Path.Combine(footage.Folder, "reviewed-export"));
        Assert.True(fetch.ExitCode == 0 && export.ExitCode == 0, fetch.Output + export.Output);
        Assert.Equal(["Obama"], Directory.GetDirectories(Path.Combine(footage.Folder, "reviewed-export")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task TokenInTheAddress_BecomesACookie_AndLeavesTheAddress()
    {
        var jobId = await JobDriver.SubmitAsync(system, footage.Clip.Path, "cookie");
        Assert.Equal(JobState.Done, (await JobDriver.WatchAsync(system, jobId))[^1].State);
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var browser = new HttpClient(handler);

        var page = await browser.GetAsync(new Uri(Review(jobId), $"?token={DistributedSystem.RotatedToken}"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(Review(jobId).AbsolutePath, page.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.DoesNotContain("token", page.RequestMessage.RequestUri.Query, StringComparison.Ordinal);
        Assert.Contains("review.js", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(Review(jobId, "api/state"))).StatusCode);
    }

    [Theory]
    [InlineData("no-such-job")]
    [InlineData("..%2Fsecrets")]
    public async Task UnknownOrHostileJobs_AreNotFound(string job)
    {
        using var authorized = new HttpClient();
        authorized.DefaultRequestHeaders.Authorization = new("Bearer", DistributedSystem.Token);

        var response = await authorized.GetAsync(new Uri($"http://127.0.0.1:{system.Exporter.HttpPort}/review/{job}/api/state"));
        var page = await authorized.GetAsync(new Uri($"http://127.0.0.1:{system.Exporter.HttpPort}/review/{job}/"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task WrongToken_IsRefused()
    {
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token");

        var response = await client.GetAsync(Review("anything", "api/state"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
