using FaceMesh.Review;
using FaceMesh.Review.Labelled;
using Microsoft.Playwright;

namespace FaceMesh.Review.Tests;

[Collection(RealDatasetCollection.Name)]
public sealed class ReviewPageTests(RealDataset dataset, ReviewBrowser browser) : IClassFixture<ReviewBrowser>
{
    private static LabelledExportSummary Export(string folder, bool includeUnnamed = false) =>
        LabelledExporter.Export(folder, Path.Combine(Directory.CreateTempSubdirectory("facemesh-export-").FullName, "out"),
            new LabelledExportOptions(LabelledFormat.ImageFolder, IncludeUnnamed: includeUnnamed));

    [Fact]
    public async Task Name_IsSavedAtOnce_ShownAfterReload_AndBecomesTheExportClass()
    {
        await using var review = await browser.OpenAsync(dataset.Copy());
        var faces = int.Parse((await review.Card(0).Locator("[data-testid=face-count]").TextContentAsync())!.Split(' ')[0]);

        await review.ActAsync(async () =>
        {
            await review.Card(0).Locator("[data-testid=name]").FillAsync("Alex Lacamoire");
            await review.Card(0).Locator("[data-testid=name]").PressAsync("Enter");
        });
        await review.ScreenshotAsync("named");
        await review.GotoAsync();

        Assert.Equal("Alex Lacamoire", await review.Card(0).Locator("[data-testid=name]").InputValueAsync());
        Assert.Equal("Alex Lacamoire", (await review.StoredAsync()).People[0].Name);
        var export = Export(review.Folder);
        Assert.Equal("Alex Lacamoire", export.Classes.Single().Name);
        Assert.Equal(faces, export.Faces);
    }

    [Fact]
    public async Task Timeline_ShowsWhereAPersonIsSeen_AndAStretchOpensItsFrame()
    {
        await using var review = await browser.OpenAsync(dataset.Copy());
        var stored = await review.StoredAsync();
        var frames = stored.Manifest.Frames.ToDictionary(f => f.Index);
        var expected = Pipeline.Tracking.Appearance.Of(stored.People[0].Faces.Select(i => frames[stored.Manifest.Faces[i].Frame]), stored.Manifest.Parameters.IntervalSeconds);
        var stretches = review.Card(0).Locator("[data-testid=appearance]");

        Assert.Equal(expected.Count, await stretches.CountAsync());
        await stretches.First.ClickAsync();

        await Assertions.Expect(review.ByTestId("frame")).ToBeVisibleAsync();
        await review.Page.WaitForFunctionAsync("() => { const i = document.getElementById('frame-image'); return i.complete && i.naturalWidth > 0; }");
        Assert.Equal(stored.Manifest.Frames[0].Width, await review.ByTestId("frame-image").EvaluateAsync<int>("image => image.naturalWidth"));
        await review.ScreenshotAsync("timeline-frame");
        Assert.Equal(404, (await review.Page.APIRequest.GetAsync(new Uri(review.Url, "frames/000000_09.jpg").ToString())).Status);
        var icon = await review.Page.APIRequest.GetAsync(new Uri(review.Url, "favicon.svg").ToString());
        Assert.Equal((200, "image/svg+xml"), (icon.Status, icon.Headers["content-type"]));
        Assert.Equal("favicon.svg", await review.Page.Locator("link[rel=icon]").GetAttributeAsync("href"));
    }

    [Fact]
    public async Task ClickingAFacesCorner_ShowsItLarge_BesideItsFrame_WithItsBoxWhereTheFaceIs_AndSoDoesADoubleClick()
    {
        await using var review = await browser.OpenAsync(dataset.Copy());
        var stored = await review.StoredAsync();
        var face = review.Card(0).Locator("[data-testid=montage] img").Nth(1);
        var id = await face.GetAttributeAsync("data-face");
        var record = stored.Manifest.Faces.Single(f => f.Id == id);
        var frame = stored.Manifest.Frames.Single(f => f.Index == record.Frame);

        await face.HoverAsync();
        await review.Card(0).Locator("[data-testid=zoom]").Nth(1).ClickAsync();

        await Assertions.Expect(review.ByTestId("frame")).ToBeVisibleAsync();
        await Assertions.Expect(review.ByTestId("frame-box")).ToBeVisibleAsync();
        await review.Page.WaitForFunctionAsync("() => ['frame-image', 'frame-face'].every(id => { const i = document.getElementById(id); return i.complete && i.naturalWidth > 0; })");
        var image = (await review.ByTestId("frame-image").BoundingBoxAsync())!;
        var box = (await review.ByTestId("frame-box").BoundingBoxAsync())!;
        var scale = image.Width / frame.Width;
        Assert.InRange(box.X - image.X, (record.Box.Left * scale) - 2, (record.Box.Left * scale) + 2);
        Assert.InRange(box.Y - image.Y, (record.Box.Top * scale) - 2, (record.Box.Top * scale) + 2);
        Assert.InRange(box.Width, (record.Box.Width * scale) - 2, (record.Box.Width * scale) + 2);
        Assert.InRange((await review.ByTestId("frame-face").BoundingBoxAsync())!.Width, 150, 250);
        await Assertions.Expect(review.ByTestId("frame-caption")).ToContainTextAsync($"at {Math.Round(record.TimeSeconds, 2).ToString(System.Globalization.CultureInfo.InvariantCulture)} s");
        Assert.Empty(await review.Page.Locator("[data-testid=person] img.selected").AllAsync());
        await review.ScreenshotAsync("face-large");

        await review.Page.Keyboard.PressAsync("Escape");
        var other = review.Card(1).Locator("[data-testid=montage] img").First;
        await other.DblClickAsync();
        await Assertions.Expect(review.ByTestId("frame-caption")).ToContainTextAsync($"face {await other.GetAttributeAsync("data-face")} ");
        Assert.Empty(await review.Page.Locator("[data-testid=person] img.selected").AllAsync());
    }

    [Fact]
    public async Task Keyboard_MovesThroughFaces_SelectsThem_ShowsOneLarge_AndMovesTheSelection()
    {
        await using var review = await browser.OpenAsync(dataset.Copy());
        var people = await review.Cards.CountAsync();
        var faces = review.Card(0).Locator("[data-testid=montage] img");
        var ids = await faces.EvaluateAllAsync<string[]>("faces => faces.map(f => f.dataset.face)");
        var focused = () => review.Page.EvaluateAsync<string?>("() => document.activeElement?.dataset?.face ?? null");

        await faces.First.FocusAsync();
        await review.Page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal(ids[1], await focused());
        await review.Page.Keyboard.PressAsync("Space");
        await review.Page.Keyboard.PressAsync("ArrowLeft");
        await review.Page.Keyboard.PressAsync("Space");
        await Assertions.Expect(review.ByTestId("selection")).ToContainTextAsync("2 selected");
        Assert.Equal("true", await faces.Nth(1).GetAttributeAsync("aria-checked"));
        await review.Page.Keyboard.PressAsync("End");
        Assert.Equal(ids[^1], await focused());
        await review.Page.Keyboard.PressAsync("Home");
        Assert.Equal(ids[0], await focused());

        await review.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(review.ByTestId("frame")).ToBeVisibleAsync();
        await review.ScreenshotAsync("keyboard-face-large");
        await review.Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(review.ByTestId("frame")).ToBeHiddenAsync();
        Assert.Equal(ids[0], await focused());

        await review.Page.Keyboard.PressAsync("m");
        Assert.Equal("move-target", await review.Page.EvaluateAsync<string>("() => document.activeElement.id"));
        await review.ByTestId("move-target").SelectOptionAsync("new");
        await review.Page.Keyboard.PressAsync("Tab");
        await review.ActAsync(() => review.Page.Keyboard.PressAsync("Enter"));

        await Assertions.Expect(review.Cards).ToHaveCountAsync(people + 1);
        var stored = await review.StoredAsync();
        var created = stored.People.Single(p => p.IsEdited && p.Faces.Count == 2);
        Assert.Equal(ids[..2].Order(), created.Faces.Select(i => stored.Manifest.Faces[i].Id).Order());
    }

    [Fact]
    public async Task Merge_ThenSplit_RestoresThePeople_AndOnlyPlausibleMergesAreSuggested()
    {
        await using var review = await browser.OpenAsync(dataset.Copy());
        var people = await review.Cards.CountAsync();
        var stated = await review.Page.Locator("[data-testid=merge-suggestion]").AllTextContentsAsync();
        Assert.All(stated, text => Assert.InRange(double.Parse(text.Split(' ')[^2], System.Globalization.CultureInfo.InvariantCulture), 0, 0.6));
        var target = await review.Card(0).GetAttributeAsync("data-person");

        await review.ActAsync(() => review.Card(people - 1).Locator("[data-testid=merge-target]").SelectOptionAsync(target!));
        await Assertions.Expect(review.Cards).ToHaveCountAsync(people - 1);
        await Assertions.Expect(review.ByTestId("message")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Merged into person_\\d{3}\\.$"));
        Assert.Equal(people - 1, (await review.StoredAsync()).People.Count);
        Assert.Equal(people - 1, Export(review.Folder, includeUnnamed: true).Classes.Count);
        await review.ScreenshotAsync("merged");

        var joined = (await review.StoredAsync()).People.Single(p => p.Clusters.Count == 2);
        var merged = review.Page.Locator($"[data-testid=person][data-person=\"{joined.Id}\"]");
        await merged.Locator("[data-testid=split]").ClickAsync();
        await merged.Locator("[data-testid=split-eps]").FillAsync("0.5");
        await merged.Locator("[data-testid=split-preview]").ClickAsync();
        await Assertions.Expect(merged.Locator("[data-testid=split-parts] .part")).ToHaveCountAsync(2);
        await review.ScreenshotAsync("split-preview");
        await review.ActAsync(() => merged.Locator("[data-testid=split-apply]").ClickAsync());

        await Assertions.Expect(review.Cards).ToHaveCountAsync(people);
        Assert.Equal(people, (await review.StoredAsync()).People.Count);
    }

    [Fact]
    public async Task MoveFacesToANewPerson_DiscardOne_ThenUndo()
    {
        await using var review = await browser.OpenAsync(dataset.Copy());
        var people = await review.Cards.CountAsync();
        var faces = review.Card(0).Locator("[data-testid=montage] img");
        var moved = new[] { await faces.Nth(0).GetAttributeAsync("data-face"), await faces.Nth(1).GetAttributeAsync("data-face") };

        await faces.Nth(0).ClickAsync();
        await faces.Nth(1).ClickAsync();
        await Assertions.Expect(review.ByTestId("selection")).ToContainTextAsync("2 selected");
        await review.ByTestId("move-target").SelectOptionAsync("new");
        await review.ActAsync(() => review.ByTestId("move").ClickAsync());

        await Assertions.Expect(review.Cards).ToHaveCountAsync(people + 1);
        var stored = await review.StoredAsync();
        var created = stored.People.Single(p => p.IsEdited && p.Faces.Count == 2);
        Assert.Equal(moved.Order(), created.Faces.Select(i => stored.Manifest.Faces[i].Id).Order());

        var createdCard = review.Page.Locator($"[data-testid=person][data-person=\"{created.Id}\"]");
        await Assertions.Expect(createdCard.Locator("[data-testid=merge-suggestion]").First).ToContainTextAsync("apart");
        await createdCard.Locator($"img[data-face=\"{moved[0]}\"]").ClickAsync();
        await review.ActAsync(() => review.ByTestId("discard").ClickAsync());
        await Assertions.Expect(review.ByTestId("discarded").Locator("img")).ToHaveCountAsync(1);
        Assert.Equal([moved[0]], (await review.StoredAsync()).Discarded.Select(i => stored.Manifest.Faces[i].Id));
        Assert.DoesNotContain(Export(review.Folder, includeUnnamed: true).Classes, c => c.Faces.Any(i => stored.Manifest.Faces[i].Id == moved[0]));
        await review.ScreenshotAsync("moved-and-discarded");

        await review.ActAsync(() => review.ByTestId("undo").ClickAsync());
        await Assertions.Expect(review.ByTestId("discarded").Locator("img")).ToHaveCountAsync(0);
        Assert.Empty((await review.StoredAsync()).Discarded);
    }

    [Fact]
    public async Task DiscardPerson_LeavesItOutOfTheExport()
    {
        await using var review = await browser.OpenAsync(dataset.Copy());
        var people = await review.Cards.CountAsync();

        await review.ActAsync(() => review.Card(0).Locator("[data-testid=discard-person]").ClickAsync());

        await Assertions.Expect(review.Cards).ToHaveCountAsync(people - 1);
        await Assertions.Expect(review.ByTestId("discarded-person")).ToHaveCountAsync(1);
        Assert.Equal(people - 1, Export(review.Folder, includeUnnamed: true).Classes.Count);
    }

    [Fact]
    public async Task QualityFilter_ShowsLiveCounts_AndAppliesOnDemand()
    {
        await using var review = await browser.OpenAsync(dataset.Copy());
        var before = await review.ByTestId("filter-count").TextContentAsync();

        await review.ByTestId("filter-sharpness").FillAsync("41");
        await Assertions.Expect(review.Page.Locator("#f-sharpness-value")).ToHaveTextAsync("50.4");
        await review.ByTestId("filter-sharpness").FillAsync("0");
        await review.ByTestId("filter-size").FillAsync("150");
        var live = await review.ByTestId("filter-count").TextContentAsync();
        Assert.NotEqual(before, live);
        Assert.Empty((await review.StoredAsync()).Filtered);
        await review.ActAsync(() => review.ByTestId("apply-filter").ClickAsync());

        await Assertions.Expect(review.ByTestId("message")).ToHaveTextAsync("Quality filter applied.");
        var stored = await review.StoredAsync();
        Assert.Equal(150, stored.Edits.Filter.MinBoxSize);
        Assert.NotEmpty(stored.Filtered);
        Assert.All(stored.People.SelectMany(p => p.Faces), i => Assert.True(stored.Manifest.Faces[i].Quality.BoxSize >= 150));
        Assert.Contains($"keeps {stored.People.Sum(p => p.Faces.Count) + stored.Noise.Count} of", live, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostileName_IsShownAsText_NeverRunAsMarkup()
    {
        await using var review = await browser.OpenAsync(dataset.Copy());
        const string hostile = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>";

        await review.ActAsync(async () =>
        {
            await review.Card(0).Locator("[data-testid=name]").FillAsync(hostile);
            await review.Card(0).Locator("[data-testid=name]").PressAsync("Enter");
        });
        await review.GotoAsync();

        Assert.Equal(hostile, await review.Card(0).Locator("[data-testid=name]").InputValueAsync());
        Assert.Equal("undefined", await review.Page.EvaluateAsync<string>("typeof window.__pwned"));
        Assert.Equal(0, await review.Page.Locator("img[src=x]").CountAsync());
        Assert.Contains(hostile, await review.Card(1).Locator("[data-testid=merge-target]").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("faces/..%2Fmanifest.json")]
    [InlineData("faces/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd.jpg")]
    [InlineData("manifest.json")]
    [InlineData("edits.json")]
    [InlineData("people/noise")]
    [InlineData("images/frame_000000.jpg")]
    public async Task FilesOutsideTheApi_AreRefused(string path)
    {
        await using var review = await browser.OpenAsync(dataset.Copy());
        using var http = new HttpClient();

        var response = await http.GetAsync(new Uri(review.Url, path));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AnotherHostName_IsRefused()
    {
        await using var review = await browser.OpenAsync(dataset.Copy());
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(review.Url, "api/state"));
        request.Headers.Host = "attacker.example";

        var response = await http.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.MisdirectedRequest, response.StatusCode);
    }

    [Fact]
    public async Task TwoPagesEditingAtOnce_NeverCorruptTheEditsFile()
    {
        var folder = dataset.Copy();
        await using var first = await browser.OpenAsync(folder);
        var second = await browser.Browser.NewPageAsync();
        await second.GotoAsync(first.Url.ToString());
        await second.Locator("[data-testid=person]").First.WaitForAsync();

        async Task Rename(IPage page, int card, string name)
        {
            var input = page.Locator("[data-testid=person]").Nth(card).Locator("[data-testid=name]");
            await input.FillAsync(name);
            await input.PressAsync("Enter");
        }

        var answers = new[] { first.Page, second }.Select(page => page.WaitForResponseAsync(r => r.Url.EndsWith("/api/actions", StringComparison.Ordinal))).ToList();
        await Task.WhenAll(Rename(first.Page, 0, "First page"), Rename(second, 1, "Second page"));
        await Task.WhenAll(answers);
        await second.CloseAsync();

        var stored = await first.StoredAsync();
        Assert.Contains(stored.People, p => p.Name == "First page");
        Assert.Contains(stored.People, p => p.Name == "Second page");
        Assert.Equal(2, stored.Edits.Revision);
    }
}
