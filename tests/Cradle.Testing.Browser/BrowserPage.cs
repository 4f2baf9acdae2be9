using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cradle.Testing.Browser;

/// <summary>
/// One open tab (from <see cref="HeadlessChromium.OpenPageAsync"/>), loaded: a test waits for what the page draws after
/// fetching its data, reads the DOM, and takes the check and screenshot; disposing closes the tab. Every call is
/// bounded (<see cref="HeadlessChromium.CommandTimeout"/>, or the deadline given), so a hung page fails with a message.
/// </summary>
public sealed class BrowserPage : IAsyncDisposable
{
    /// <summary>How often <see cref="WaitForAsync"/> asks again: short next to a page's fetch, long next to a command.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private readonly HeadlessChromium browser;
    private readonly string targetId;
    private readonly HeadlessChromium.PageEvents events;
    private int closed;

    internal BrowserPage(HeadlessChromium browser, string targetId, HeadlessChromium.PageEvents events, Uri url)
    {
        this.browser = browser;
        this.targetId = targetId;
        this.events = events;
        Url = url;
    }

    /// <summary>The URL the page was opened at.</summary>
    public Uri Url { get; }

    /// <summary>The requests the page has made so far (the document, its stylesheets, scripts, images, fetches).</summary>
    public IReadOnlyList<PageRequest> Requests => events.Snapshot().Requests;

    /// <summary>
    /// Evaluates a JavaScript <paramref name="expression"/> in the page (awaiting it when it is a promise) and returns its
    /// value as JSON (<see cref="JsonValueKind.Undefined"/> for <c>undefined</c> or a value JSON cannot carry).
    /// </summary>
    /// <exception cref="InvalidOperationException">The expression threw; the message has the page's exception.</exception>
    /// <exception cref="TimeoutException">Chromium did not answer within <see cref="HeadlessChromium.CommandTimeout"/>.</exception>
    public async Task<JsonElement> EvaluateAsync(string expression, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        var (value, error) = await TryEvaluateAsync(expression, ct).ConfigureAwait(false);
        return error is null ? value : throw new InvalidOperationException($"`{expression}` threw in {Url}: {error}");
    }

    /// <summary>
    /// Waits until <paramref name="expression"/> is truthy in the page (asking every <see cref="PollInterval"/>), e.g.
    /// <c>document.querySelectorAll('#power-chart .series').length > 0</c> for a chart drawn after a fetch. An expression
    /// that throws counts as not yet true (the element may not exist yet); its last error is in the timeout's message.
    /// </summary>
    /// <exception cref="TimeoutException">Not true within <paramref name="timeout"/>; the message says what the page reported.</exception>
    public async Task WaitForAsync(string expression, TimeSpan timeout, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        // A deadline, not a measurement: a page that never draws fails the test instead of hanging it.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        string? lastError = null;
        try
        {
            while (true)
            {
                JsonElement value;
                string? error;
                try
                {
                    (value, error) = await TryEvaluateAsync($"!!({expression})", deadline.Token).ConfigureAwait(false);
                }
                catch (CdpException e) when (IsNavigating(e))
                {
                    // Waiting is often for a page that is loading (a form submitted, a link followed): an evaluation that
                    // lands while the old document goes away is refused by Chromium, and the next poll sees the new one.
                    (value, error) = (default, e.Message);
                }
                if (error is null && value.ValueKind == JsonValueKind.True)
                {
                    return;
                }
                lastError = error;
                await Task.Delay(PollInterval, deadline.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException && !ct.IsCancellationRequested)
        {
            var (consoleErrors, failedResources, _) = events.Snapshot();
            var thrown = lastError is null ? "" : $" It last threw: {lastError}.";
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                $"`{expression}` was not true in {Url} within {timeout.TotalSeconds:0.###} s.{thrown} " +
                $"Console errors: [{string.Join("; ", consoleErrors)}], failed resources: [{string.Join("; ", failedResources)}]."), e);
        }
    }

    /// <summary>
    /// What a person would notice now: console errors and failed resources so far, images shown broken, every request
    /// made, and a PNG screenshot of the viewport.
    /// </summary>
    /// <exception cref="TimeoutException">Chromium did not answer in time.</exception>
    public async Task<PageCheck> CheckAsync(CancellationToken ct = default)
    {
        var (value, error) = await TryEvaluateAsync(HeadlessChromium.BrokenImagesScript, ct).ConfigureAwait(false);
        if (error is not null)
        {
            throw new InvalidOperationException($"The broken-image check failed in {Url}: {error}");
        }
        var brokenImages = value.EnumerateArray().Select(e => e.GetString() ?? "").ToList();
        var shot = await browser.SendToPageAsync("Page.captureScreenshot", new()
        {
            ["format"] = "png",
            ["captureBeyondViewport"] = false,
        }, events.SessionId, ct).ConfigureAwait(false);
        var png = Convert.FromBase64String(shot.GetProperty("data").GetString()!);
        var (consoleErrors, failedResources, requests) = events.Snapshot();
        return new PageCheck(consoleErrors, failedResources, brokenImages, png) { Requests = requests };
    }

    // Chromium's refusals while a navigation replaces the document (seen in CI: "Inspected target navigated or closed").
    private static bool IsNavigating(CdpException e) =>
        e.Message.Contains("navigated or closed", StringComparison.Ordinal)
        || e.Message.Contains("Execution context was destroyed", StringComparison.Ordinal)
        || e.Message.Contains("Cannot find context with specified id", StringComparison.Ordinal);

    private async Task<(JsonElement Value, string? Error)> TryEvaluateAsync(string expression, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(closed != 0, this);
        var evaluated = await browser.SendToPageAsync("Runtime.evaluate", new JsonObject
        {
            ["expression"] = expression,
            ["returnByValue"] = true,
            ["awaitPromise"] = true,
        }, events.SessionId, ct).ConfigureAwait(false);
        if (evaluated.TryGetProperty("exceptionDetails", out var details))
        {
            var description = details.TryGetProperty("exception", out var exception) && exception.TryGetProperty("description", out var d)
                ? d.GetString()
                : details.TryGetProperty("text", out var t) ? t.GetString() : details.GetRawText();
            return (default, (description ?? "").Split('\n')[0]);
        }
        var result = evaluated.GetProperty("result");
        return (result.TryGetProperty("value", out var v) ? v.Clone() : default, null);
    }

    /// <summary>Closes the tab and lets the browser open the next page.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref closed, 1) != 0)
        {
            return;
        }
        await browser.ClosePageAsync(targetId).ConfigureAwait(false);
    }
}
