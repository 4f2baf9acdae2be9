using SkiaSharp;

namespace Cradle.Testing.Browser;

/// <summary>
/// What a person would notice on opening a page: errors in the console, resources that did not load, images shown
/// broken, and what the viewport looked like (a PNG); and every request the page made, to see that none went
/// elsewhere (<see cref="RequestsOutside"/>).
/// </summary>
public sealed record PageCheck(
    IReadOnlyList<string> ConsoleErrors,
    IReadOnlyList<string> FailedResources,
    IReadOnlyList<string> BrokenImages,
    byte[] Screenshot)
{
    /// <summary>Every request the page made, in order (the document first; redirects as separate requests).</summary>
    public IReadOnlyList<PageRequest> Requests { get; init; } = [];

    /// <summary>
    /// The requests that did not go to <paramref name="origin"/> (scheme, host and port): a page of the server must
    /// make none. data: and blob: URLs count as inside (<see cref="PageRequest.IsTo"/>).
    /// </summary>
    public IReadOnlyList<PageRequest> RequestsOutside(Uri origin) => [.. Requests.Where(r => !r.IsTo(origin))];

    /// <summary>True when nothing went wrong that the checks can see.</summary>
    public bool IsClean => ConsoleErrors.Count == 0 && FailedResources.Count == 0 && BrokenImages.Count == 0;

    /// <summary>
    /// Whether the screenshot shows something other than an empty page. The background is the most common colour;
    /// a pixel is content when it differs from it by more than <paramref name="tolerance"/> in some channel
    /// (0–255, so that compression or dithering noise is not content). Content needs at least
    /// <paramref name="minContentFraction"/> of the pixels to be content and at least
    /// <paramref name="minDistinctColours"/> distinct colours in the whole image (the background counts as one).
    /// A blank white page, a page of one solid colour, and a few stray pixels are all "no content".
    /// </summary>
    public bool ScreenshotHasContent(double minContentFraction = 0.001, int minDistinctColours = 3, int tolerance = 8) =>
        MeasureScreenshot(tolerance) is var m && m.ContentFraction >= minContentFraction && m.DistinctColours >= minDistinctColours;

    /// <summary>Decodes the screenshot and measures it, for <see cref="ScreenshotHasContent"/> and for messages.</summary>
    public ScreenshotMeasure MeasureScreenshot(int tolerance = 8)
    {
        using var bitmap = SKBitmap.Decode(Screenshot)
            ?? throw new InvalidOperationException($"The screenshot ({Screenshot.Length} bytes) is not a decodable image.");
        var pixels = bitmap.Pixels;
        var counts = new Dictionary<SKColor, int>();
        foreach (var pixel in pixels)
        {
            counts[pixel] = counts.GetValueOrDefault(pixel) + 1;
        }
        var background = counts.MaxBy(c => c.Value).Key;
        var content = 0;
        foreach (var pixel in pixels)
        {
            if (Math.Abs(pixel.Red - background.Red) > tolerance || Math.Abs(pixel.Green - background.Green) > tolerance
                || Math.Abs(pixel.Blue - background.Blue) > tolerance || Math.Abs(pixel.Alpha - background.Alpha) > tolerance)
            {
                content++;
            }
        }
        return new ScreenshotMeasure(bitmap.Width, bitmap.Height, background, counts.Count,
            pixels.Length == 0 ? 0 : (double)content / pixels.Length);
    }

    /// <summary>A summary of every problem, for assertion messages.</summary>
    public string Describe() =>
        $"console errors: [{string.Join("; ", ConsoleErrors)}], failed resources: [{string.Join("; ", FailedResources)}], " +
        $"broken images: [{string.Join("; ", BrokenImages)}], requests: [{string.Join("; ", Requests)}], screenshot: {MeasureScreenshot()}";
}

/// <summary>Size, background colour, number of distinct colours, and the share of pixels unlike the background.</summary>
public sealed record ScreenshotMeasure(int Width, int Height, SKColor Background, int DistinctColours, double ContentFraction)
{
    public override string ToString() =>
        FormattableString.Invariant($"{Width}×{Height}, background {Background}, {DistinctColours} colours, {ContentFraction:P2} content");
}
