using Cradle.Store;
using Cradle.Testing.Browser;

namespace Cradle.Server.Tests.Browser;

/// <summary>
/// What the browser tests of the pages share: runs written into the store with hand-written samples, the evaluation of
/// a chart's series, and the README's screenshots (written only when CRADLE_WRITE_SCREENSHOTS=1).
/// </summary>
internal static class PageSetups
{
    /// <summary>How long a page may take to draw what it fetches (bounded: a page that never draws fails).</summary>
    public static readonly TimeSpan DrawTimeout = TimeSpan.FromSeconds(20);

    /// <summary>A running run with the given sensors (measured, by name), on this host.</summary>
    public static Run StartRun(IRunStore store, string command, IReadOnlyList<string> sensors, params string[] tags)
    {
        var run = store.CreateRun(new NewRun("r-" + Guid.NewGuid().ToString("N")[..8], command, SystemProcessLiveness.Instance.HostName, "/work",
            Environment.ProcessId, "ga", InferenceMetadata.None) { Tags = tags });
        store.AddSensors(run.Id, [.. sensors.Select(s => new Sensor(s, "nvml-gpu", "GPU " + s, SensorProvenance.Measured, "NVML total-energy counter"))]);
        return run;
    }

    /// <summary>
    /// The JavaScript that reads a chart's series: for each polyline, its sensor and number of points
    /// (<c>[["gpu0", 3], …]</c>, in the order drawn: sensors sorted).
    /// </summary>
    public static string SeriesOf(string chartId) =>
        $"[...document.querySelectorAll('#{chartId} polyline.series')].map(l => [l.dataset.sensor, l.getAttribute('points').trim().split(/\\s+/).length])";

    /// <summary>The series of a chart as (sensor, number of points), from <see cref="SeriesOf"/>.</summary>
    public static async Task<IReadOnlyList<(string Sensor, int Points)>> SeriesAsync(BrowserPage page, string chartId, CancellationToken ct)
    {
        var value = await page.EvaluateAsync(SeriesOf(chartId), ct);
        return [.. value.EnumerateArray().Select(s => (s[0].GetString() ?? "", s[1].GetInt32()))];
    }

    /// <summary>
    /// Writes <paramref name="check"/>'s screenshot to docs/images/<paramref name="name"/> when CRADLE_WRITE_SCREENSHOTS=1
    /// (the README's pictures are made by running the tests that way); otherwise the repository is not touched.
    /// </summary>
    public static void WriteScreenshotIfAsked(PageCheck check, string name)
    {
        if (Environment.GetEnvironmentVariable("CRADLE_WRITE_SCREENSHOTS") == "1")
        {
            File.WriteAllBytes(RepositoryFiles.Path("docs", "images", name), check.Screenshot);
        }
    }
}
