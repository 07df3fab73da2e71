using FaceMesh.Review;
using FaceMesh.Review.Web;
using FaceMesh.Storage;
using Microsoft.Playwright;

namespace FaceMesh.Review.Tests;

/// <summary>One browser page on one review server, with the page's controls by their data-testid.</summary>
public sealed class ReviewPage(string folder, ReviewSession session, LocalReviewServer server, IPage page) : IAsyncDisposable
{
    public string Folder { get; } = folder;

    public IPage Page { get; } = page;

    public Uri Url => server.Url;

    public ILocator Cards => Page.Locator("[data-testid=person]");

    public ILocator Card(int index) => Cards.Nth(index);

    public ILocator ByTestId(string id) => Page.Locator($"[data-testid={id}]");

    public async Task GotoAsync()
    {
        await Page.GotoAsync(server.Url.ToString());
        await Cards.First.WaitForAsync();
    }

    /// <summary>Runs a UI step and waits for the action it posts to be answered.</summary>
    public async Task ActAsync(Func<Task> step)
    {
        var answered = Page.WaitForResponseAsync(r => r.Url.EndsWith("/api/actions", StringComparison.Ordinal));
        await step();
        var response = await answered;
        Assert.True(response.Ok, $"action failed: {response.Status} {await response.TextAsync()}");
    }

    /// <summary>What the dataset holds now, read from the edits file on disk through a fresh session.</summary>
    public async Task<ResolvedReview> StoredAsync()
    {
        using var fresh = new ReviewSession(new LocalFolderObjectStore(Folder), string.Empty, "check");
        return await fresh.GetAsync();
    }

    public async Task ScreenshotAsync(string name) =>
        await Page.ScreenshotAsync(new() { Path = Path.Combine(ReviewBrowser.Screenshots, $"{name}.png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await Page.CloseAsync();
        await server.DisposeAsync();
        session.Dispose();
    }
}
