using Cradle.Testing.Browser;
using SkiaSharp;

namespace Cradle.Reports.Tests.Browser;

public sealed class HeadlessChromiumTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    // A colour that only the data: image has, to see that the image was painted.
    private static readonly SKColor Marker = new(0, 200, 80);

    [Fact]
    public async Task A_good_page_has_no_problems_and_its_screenshot_has_content()
    {
        var html = $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Good</title></head>
            <body style="margin: 16px; font-family: sans-serif">
              <h1>Cradle report</h1>
              <p>Energy per training run, in kWh.</p>
              <svg width="200" height="100" xmlns="http://www.w3.org/2000/svg">
                <rect x="10" y="10" width="80" height="80" fill="#3366cc"/>
                <circle cx="150" cy="50" r="40" fill="#cc3333"/>
              </svg>
              <img src="{ColouredPixelsDataUri()}" alt="pixels" width="64" height="64" style="image-rendering: pixelated">
            </body></html>
            """;

        var page = await chromium.OpenAsync("good.html", html, 640, 480);

        Assert.True(page.IsClean, page.Describe());
        Assert.True(page.ScreenshotHasContent(), page.Describe());
        using var shot = SKBitmap.Decode(page.Screenshot);
        Assert.Equal((640, 480), (shot.Width, shot.Height));
        Assert.Contains(shot.Pixels, p => Near(p, Marker));
    }

    [Fact]
    public async Task An_image_that_does_not_exist_is_reported()
    {
        var html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Missing</title></head>
            <body><p>A chart should be here:</p><img src="missing.png" alt="chart"></body></html>
            """;

        var page = await chromium.OpenAsync("missing-image.html", html);

        Assert.Contains(page.BrokenImages, i => i.EndsWith("missing.png", StringComparison.Ordinal));
        Assert.Contains(page.FailedResources, r => r.Contains("missing.png", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_data_image_that_does_not_decode_is_reported_broken()
    {
        var html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Bad data</title></head>
            <body><p>Chart:</p><img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB" alt="chart"></body></html>
            """;

        var page = await chromium.OpenAsync("bad-data-image.html", html);

        Assert.Contains(page.BrokenImages, i => i.StartsWith("data:image/png", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("console.error('x');", "x")]
    [InlineData("console.assert(1 === 2, 'sums');", "sums")]
    [InlineData("throw new Error('boom');", "boom")]
    [InlineData("Promise.reject(new Error('rejected'));", "rejected")]
    [InlineData("setTimeout(() => { throw new Error('late'); }, 20);", "late")]
    [InlineData("undefinedFunction();", "undefinedFunction")]
    public async Task Console_errors_and_uncaught_exceptions_are_reported(string script, string expected)
    {
        var html = $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Errors</title></head>
            <body><p>Text</p><script>{script}</script></body></html>
            """;

        var page = await chromium.OpenAsync("errors.html", html);

        Assert.Contains(page.ConsoleErrors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Console_messages_that_are_not_errors_are_not_reported()
    {
        var html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Quiet</title></head>
            <body><p>Text</p><script>console.log('a'); console.info('b'); console.warn('c');</script></body></html>
            """;

        var page = await chromium.OpenAsync("quiet.html", html);

        Assert.True(page.IsClean, page.Describe());
    }

    [Theory]
    [InlineData("<body></body>")]
    [InlineData("<body style=\"background: #3366cc\"></body>")]
    public async Task An_empty_page_has_no_content_in_its_screenshot(string body)
    {
        var html = $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Empty</title></head>{body}</html>
            """;

        var page = await chromium.OpenAsync("empty.html", html);

        Assert.True(page.IsClean, page.Describe());
        Assert.False(page.ScreenshotHasContent(), page.Describe());
    }

    [Fact]
    public async Task A_file_that_does_not_exist_is_an_error()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await Assert.ThrowsAsync<FileNotFoundException>(
            () => chromium.Browser.OpenAsync(chromium.PathOf("nowhere.html"), 800, 600, limit.Token));
    }

    /// <summary>A 4 × 4 PNG of four coloured quarters (one of them <see cref="Marker"/>), as a data: URI.</summary>
    private static string ColouredPixelsDataUri()
    {
        using var bitmap = new SKBitmap(4, 4, SKColorType.Rgba8888, SKAlphaType.Premul);
        for (var y = 0; y < 4; y++)
        {
            for (var x = 0; x < 4; x++)
            {
                bitmap.SetPixel(x, y, (x < 2, y < 2) switch
                {
                    (true, true) => new SKColor(230, 40, 40),
                    (false, true) => Marker,
                    (true, false) => new SKColor(40, 60, 220),
                    _ => new SKColor(240, 200, 20),
                });
            }
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return "data:image/png;base64," + Convert.ToBase64String(png.ToArray());
    }

    private static bool Near(SKColor a, SKColor b) =>
        Math.Abs(a.Red - b.Red) <= 6 && Math.Abs(a.Green - b.Green) <= 6 && Math.Abs(a.Blue - b.Blue) <= 6;
}
