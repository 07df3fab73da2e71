using FaceMesh.Review;
using FaceMesh.Review.Web;
using FaceMesh.Storage;
using Microsoft.Playwright;

namespace FaceMesh.Review.Tests;

/// <summary>Debian's Chromium driven by Playwright (no browser download), shared by the browser tests of one class.</summary>
public sealed class ReviewBrowser : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots of the test run go (artifacts/screenshots/review, or $FACEMESH_SCREENSHOTS).</summary>
    public static string Screenshots { get; } = Environment.GetEnvironmentVariable("FACEMESH_SCREENSHOTS")
        ?? Path.Combine(FindRepositoryRoot(), "artifacts", "screenshots", "review");

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install chromium (scripts/test.sh does)");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        Directory.CreateDirectory(Screenshots);
    }

    /// <summary>A review server over <paramref name="folder"/> and a page showing it.</summary>
    public async Task<ReviewPage> OpenAsync(string folder)
    {
        var session = new ReviewSession(new LocalFolderObjectStore(folder), string.Empty, Path.GetFileName(folder));
        var server = await LocalReviewServer.StartAsync(session);
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        var review = new ReviewPage(folder, session, server, page);
        await review.GotoAsync();
        return review;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FaceMesh.sln")))
            {
                return directory.FullName;
            }
        }

        return Path.GetTempPath();
    }
}
