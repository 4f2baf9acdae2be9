using Xunit;

namespace Cradle.Testing.Browser;

/// <summary>One headless Chromium and one temp folder shared by the tests of a class; both go when the class is done.</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("cradle-pages-");
    private HeadlessChromium? browser;

    /// <summary>The browser, for <see cref="HeadlessChromium.OpenUrlAsync"/> and <see cref="HeadlessChromium.OpenPageAsync"/>.</summary>
    public HeadlessChromium Browser => browser ?? throw new InvalidOperationException("Chromium has not started.");

    public async Task InitializeAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        browser = await HeadlessChromium.StartAsync(limit.Token);
    }

    /// <summary>Writes <paramref name="html"/> to a new file in the temp folder and opens it at <paramref name="width"/> × <paramref name="height"/>.</summary>
    public async Task<PageCheck> OpenAsync(string name, string html, int width = 800, int height = 600)
    {
        var path = Path.Combine(folder.FullName, name);
        await File.WriteAllTextAsync(path, html);
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        return await Browser.OpenAsync(path, width, height, limit.Token);
    }

    /// <summary>The path of <paramref name="name"/> in the temp folder (written or not).</summary>
    public string PathOf(string name) => Path.Combine(folder.FullName, name);

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }
        folder.Delete(recursive: true);
    }
}
