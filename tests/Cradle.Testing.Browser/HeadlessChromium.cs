using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cradle.Testing.Browser;

/// <summary>
/// Headless Chromium driven over the Chrome DevTools Protocol, to open local HTML files and served pages the way a
/// person would and report what went wrong: console errors, failed loads, broken images, the requests the page made,
/// and a screenshot.
/// One instance runs one browser with a throw-away profile; <see cref="OpenAsync"/> opens each file, and
/// <see cref="OpenUrlAsync"/> and <see cref="OpenPageAsync"/> each URL (a server's pages), in a fresh tab.
/// Every wait has a time limit, so a hung browser fails the test with a message instead of hanging the run.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Launch until the DevTools port is known; the first start on a cold machine can take several seconds.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    /// <summary>Any single DevTools command (screenshots included).</summary>
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(15);
    /// <summary>From navigation to the page's load event.</summary>
    public static readonly TimeSpan LoadTimeout = TimeSpan.FromSeconds(20);
    /// <summary>Everything one <see cref="OpenAsync"/> does, end to end.</summary>
    public static readonly TimeSpan PageTimeout = TimeSpan.FromSeconds(45);
    /// <summary>Wait after load for late errors (timers, promise rejections) and the last paint.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(250);
    /// <summary>Graceful shutdown before the process tree is killed.</summary>
    public static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--no-default-browser-check", "--disable-extensions", "--mute-audio",
        "--hide-scrollbars", "--remote-debugging-port=0",
    ];

    // Lists the images a person would see as broken: not finished, or finished without a decodable picture.
    internal const string BrokenImagesScript = """
        (() => {
          const name = s => s.length > 100 ? s.slice(0, 97) + '...' : s;
          const broken = [];
          for (const img of document.images) {
            if (!img.complete || img.naturalWidth === 0) {
              broken.push(name(img.currentSrc || img.getAttribute('src') || '(img without src)'));
            }
          }
          return broken;
        })()
        """;

    private readonly Process process;
    private readonly DirectoryInfo temp;
    private readonly Queue<string> stderrTail = new();
    private readonly SemaphoreSlim oneAtATime = new(1, 1);
    private CdpConnection? connection;
    private volatile PageEvents? page;
    private volatile string? unresponsive;
    private int disposed;

    private HeadlessChromium(Process process, DirectoryInfo temp)
    {
        this.process = process;
        this.temp = temp;
    }

    /// <summary>Launches Chromium with a new empty profile and connects to its DevTools endpoint.</summary>
    /// <exception cref="InvalidOperationException">Chromium is not installed, or exited while starting.</exception>
    /// <exception cref="TimeoutException">Chromium did not publish its DevTools port in time.</exception>
    public static async Task<HeadlessChromium> StartAsync(CancellationToken ct)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed ({ChromiumPath} is missing); the browser checks of the reports and the server's pages need it. " +
                "Install it with `apt-get install chromium` (./test.sh does this when run as root).");
        }
        // One temp folder holds the profile and a home folder, so that nothing (crash database, dconf cache, NSS
        // database) is written outside it; all of it is deleted on dispose.
        var temp = Directory.CreateTempSubdirectory("cradle-chromium-");
        var profile = temp.CreateSubdirectory("profile");
        var home = temp.CreateSubdirectory("home");
        var start = new ProcessStartInfo(ChromiumPath)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["HOME"] = home.FullName;
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(home.FullName, ".config");
        start.Environment["XDG_CACHE_HOME"] = Path.Combine(home.FullName, ".cache");
        foreach (var flag in Flags)
        {
            start.ArgumentList.Add(flag);
        }
        start.ArgumentList.Add("--user-data-dir=" + profile.FullName);
        start.ArgumentList.Add("about:blank");

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {ChromiumPath}.");
        }
        catch
        {
            DeleteFolder(temp);
            throw;
        }
        var browser = new HeadlessChromium(process, temp);
        try
        {
            process.ErrorDataReceived += (_, e) => browser.KeepStderr(e.Data);
            process.OutputDataReceived += (_, e) => browser.KeepStderr(e.Data);
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            var endpoint = await browser.WaitForDevToolsEndpointAsync(ct).ConfigureAwait(false);
            browser.connection = await CdpConnection.ConnectAsync(endpoint, browser.OnEvent, CommandTimeout, ct).ConfigureAwait(false);
            return browser;
        }
        catch
        {
            await browser.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Opens <paramref name="htmlFile"/> in a new tab with a <paramref name="width"/> × <paramref name="height"/> CSS-pixel
    /// viewport, waits for its load event plus <see cref="Settle"/>, and reports what went wrong with a PNG screenshot.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="TimeoutException">Chromium hung (a command, the load, or the whole page took too long).</exception>
    public Task<PageCheck> OpenAsync(string htmlFile, int width, int height, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ObjectDisposedException.ThrowIf(disposed != 0, this);
        var file = new FileInfo(htmlFile);
        if (!file.Exists)
        {
            throw new FileNotFoundException($"No HTML file to open at {file.FullName}.", file.FullName);
        }
        return OpenUrlAsync(new Uri(file.FullName), width, height, ct);
    }

    /// <summary>
    /// Opens <paramref name="url"/> (a server's page, or a file) like <see cref="OpenAsync"/>, sending
    /// <paramref name="headers"/> with every request the page makes (e.g. <c>Authorization: Bearer …</c>), and reports
    /// what went wrong, the requests made and a screenshot; the tab is closed before this returns.
    /// </summary>
    /// <exception cref="TimeoutException">Chromium hung (a command, the load, or the whole page took too long).</exception>
    public async Task<PageCheck> OpenUrlAsync(Uri url, int width, int height, CancellationToken ct, IReadOnlyDictionary<string, string>? headers = null)
    {
        var page = await OpenPageAsync(url, width, height, ct, headers).ConfigureAwait(false);
        await using (page.ConfigureAwait(false))
        {
            return await page.CheckAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Opens <paramref name="url"/> in a new tab and returns it once loaded (load event plus <see cref="Settle"/>), for a
    /// test to wait for what the page draws later (<see cref="BrowserPage.WaitForAsync"/>), read the DOM
    /// (<see cref="BrowserPage.EvaluateAsync"/>) and check it (<see cref="BrowserPage.CheckAsync"/>). One page is open at
    /// a time: the next open waits until this one is disposed (which closes the tab), within <see cref="PageTimeout"/>.
    /// </summary>
    /// <param name="url">An http(s) or file URL.</param>
    /// <param name="width">Viewport width in CSS pixels.</param>
    /// <param name="height">Viewport height in CSS pixels.</param>
    /// <param name="ct">Cancels the opening.</param>
    /// <param name="headers">Extra request headers sent with every request of the page (Network.setExtraHTTPHeaders).</param>
    /// <exception cref="TimeoutException">Chromium hung (a command, the load, or the whole opening took too long).</exception>
    public async Task<BrowserPage> OpenPageAsync(Uri url, int width, int height, CancellationToken ct, IReadOnlyDictionary<string, string>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ObjectDisposedException.ThrowIf(disposed != 0, this);
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException($"Chromium opens absolute URLs only, not {url}.", nameof(url));
        }
        var address = url.AbsoluteUri;
        if (unresponsive is { } earlier)
        {
            // Fail the remaining tests at once instead of letting each wait out its own timeouts.
            throw new InvalidOperationException($"Not opening {address}: Chromium stopped answering earlier ({earlier})");
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(PageTimeout);
        try
        {
            await oneAtATime.WaitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"Not opening {address}: another page stayed open for {PageTimeout.TotalSeconds:0} s (dispose each BrowserPage).");
        }
        string? targetId = null;
        var opened = false;
        try
        {
            var created = await SendAsync("Target.createTarget", new() { ["url"] = "about:blank" }, null, limit.Token).ConfigureAwait(false);
            targetId = created.GetProperty("targetId").GetString();
            var attached = await SendAsync("Target.attachToTarget", new() { ["targetId"] = targetId, ["flatten"] = true }, null, limit.Token).ConfigureAwait(false);
            var events = new PageEvents(attached.GetProperty("sessionId").GetString()!);
            page = events;
            var session = events.SessionId;

            await SendAsync("Page.enable", null, session, limit.Token).ConfigureAwait(false);
            await SendAsync("Page.setLifecycleEventsEnabled", new() { ["enabled"] = true }, session, limit.Token).ConfigureAwait(false);
            await SendAsync("Runtime.enable", null, session, limit.Token).ConfigureAwait(false);
            await SendAsync("Log.enable", null, session, limit.Token).ConfigureAwait(false);
            await SendAsync("Network.enable", null, session, limit.Token).ConfigureAwait(false);
            if (headers is { Count: > 0 })
            {
                var extra = new JsonObject();
                foreach (var (name, value) in headers)
                {
                    extra[name] = value;
                }
                await SendAsync("Network.setExtraHTTPHeaders", new() { ["headers"] = extra }, session, limit.Token).ConfigureAwait(false);
            }
            await SendAsync("Emulation.setDeviceMetricsOverride", new()
            {
                ["width"] = width,
                ["height"] = height,
                ["deviceScaleFactor"] = 1,
                ["mobile"] = false,
            }, session, limit.Token).ConfigureAwait(false);

            var navigation = await SendAsync("Page.navigate", new() { ["url"] = address }, session, limit.Token).ConfigureAwait(false);
            if (navigation.TryGetProperty("errorText", out var navigationError))
            {
                throw new InvalidOperationException($"Chromium could not open {address}: {navigationError.GetString()}.");
            }
            var loaderId = navigation.GetProperty("loaderId").GetString()!;
            await events.WaitForLoadAsync(loaderId, LoadTimeout, address, limit.Token).ConfigureAwait(false);
            await Task.Delay(Settle, limit.Token).ConfigureAwait(false);
            opened = true;
            return new BrowserPage(this, targetId!, events, url);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            var message = $"Opening {address} in Chromium took longer than {PageTimeout.TotalSeconds:0} s.";
            unresponsive ??= message;
            throw new TimeoutException(message + StderrNote());
        }
        finally
        {
            if (!opened)
            {
                await ClosePageAsync(targetId).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Closes a page's tab and lets the next page open (from <see cref="BrowserPage.DisposeAsync"/>).</summary>
    internal async Task ClosePageAsync(string? targetId)
    {
        page = null;
        try
        {
            if (targetId is not null && disposed == 0)
            {
                await CloseTargetAsync(targetId).ConfigureAwait(false);
            }
        }
        finally
        {
            if (disposed == 0)
            {
                oneAtATime.Release();
            }
        }
    }

    /// <summary>A DevTools command to a page's session, bounded by <see cref="CommandTimeout"/>.</summary>
    internal Task<JsonElement> SendToPageAsync(string method, JsonObject? parameters, string session, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(disposed != 0, this);
        return SendAsync(method, parameters, session, ct);
    }

    /// <summary>Chromium's last output, for messages about a page that went wrong.</summary>
    internal string StderrNoteForPage() => StderrNote();

    private async Task<JsonElement> SendAsync(string method, JsonObject? parameters, string? session, CancellationToken ct)
    {
        var cdp = connection ?? throw new InvalidOperationException("Not connected to Chromium.");
        try
        {
            return await cdp.SendAsync(method, parameters, session, CommandTimeout, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or IOException)
        {
            // A command without an answer, or a closed connection: the browser itself is hung or gone.
            unresponsive ??= e.Message;
            throw;
        }
    }

    private async Task CloseTargetAsync(string targetId)
    {
        try
        {
            await connection!.SendAsync("Target.closeTarget", new() { ["targetId"] = targetId }, null, CloseTimeout, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or IOException or CdpException)
        {
            // The tab is gone with the browser at the latest; the page's own outcome (or error) is what matters.
        }
    }

    private void OnEvent(CdpEvent e)
    {
        var current = page;
        if (current is not null && e.SessionId == current.SessionId)
        {
            current.Record(e);
        }
    }

    private async Task<Uri> WaitForDevToolsEndpointAsync(CancellationToken ct)
    {
        var portFile = Path.Combine(temp.FullName, "profile", "DevToolsActivePort");
        // A deadline, not a measurement: Chromium that never writes its port must fail the test, not hang it.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(StartTimeout);
        try
        {
            while (true)
            {
                deadline.Token.ThrowIfCancellationRequested();
                if (process.HasExited)
                {
                    throw new InvalidOperationException(
                        $"Chromium exited with code {process.ExitCode} while starting.{StderrNote()}");
                }
                if (File.Exists(portFile))
                {
                    string[] lines;
                    try
                    {
                        lines = await File.ReadAllLinesAsync(portFile, deadline.Token).ConfigureAwait(false);
                    }
                    catch (IOException)
                    {
                        lines = [];
                    }
                    if (lines.Length >= 2 && int.TryParse(lines[0], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port > 0
                        && lines[1].StartsWith('/'))
                    {
                        return new Uri($"ws://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}{lines[1]}");
                    }
                }
                await Task.Delay(50, deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"Chromium did not write {portFile} within {StartTimeout.TotalSeconds:0} s.{StderrNote()}");
        }
    }

    private void KeepStderr(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (stderrTail)
        {
            stderrTail.Enqueue(line);
            while (stderrTail.Count > 30)
            {
                stderrTail.Dequeue();
            }
        }
    }

    private string StderrNote()
    {
        lock (stderrTail)
        {
            return stderrTail.Count == 0 ? "" : " Chromium's last output:\n" + string.Join('\n', stderrTail);
        }
    }

    /// <summary>Closes the browser (gracefully, then by killing its process tree) and deletes its profile.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }
        var closing = false;
        if (connection is not null)
        {
            try
            {
                await connection.SendAsync("Browser.close", null, null, CloseTimeout, CancellationToken.None).ConfigureAwait(false);
                closing = true;
            }
            catch (Exception e) when (e is TimeoutException or IOException or CdpException)
            {
                // Hung or gone: killed below without waiting.
            }
            await connection.DisposeAsync().ConfigureAwait(false);
        }
        if (closing)
        {
            try
            {
                using var grace = new CancellationTokenSource(CloseTimeout);
                await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Still running after Browser.close: killed below.
            }
        }
        try
        {
            // Also ends helpers (zygotes, renderers) that are still alive. (The crash handler detaches itself into its
            // own session and exits by itself once the browser is gone.)
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        process.WaitForExit(TimeSpan.FromSeconds(5));
        process.Dispose();
        oneAtATime.Dispose();
        DeleteFolder(temp);
    }

    private static void DeleteFolder(DirectoryInfo folder)
    {
        // Helpers that are still exiting can write into the profile for a moment: retry briefly.
        for (var attempt = 0; attempt < 20; attempt++)
        {
            try
            {
                folder.Refresh();
                if (!folder.Exists)
                {
                    return;
                }
                folder.Delete(recursive: true);
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(100);
            }
        }
    }

    /// <summary>What one tab reported, collected from DevTools events as they arrive.</summary>
    internal sealed class PageEvents(string sessionId)
    {
        private readonly object gate = new();
        private readonly List<string> consoleErrors = [];
        private readonly List<string> failedResources = [];
        private readonly List<PageRequest> requests = [];
        private readonly Dictionary<string, string> requestUrls = [];
        private readonly HashSet<string> unfinishedRequests = [];
        private readonly HashSet<string> loadedLoaders = [];
        private readonly TaskCompletionSource loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private string? awaitedLoader;

        public string SessionId { get; } = sessionId;

        public (IReadOnlyList<string> ConsoleErrors, IReadOnlyList<string> FailedResources, IReadOnlyList<PageRequest> Requests) Snapshot()
        {
            lock (gate)
            {
                return ([.. consoleErrors], [.. failedResources], [.. requests]);
            }
        }

        /// <summary>Waits for the load event of the navigation <paramref name="loaderId"/> (lifecycle "load" of that loader).</summary>
        public async Task WaitForLoadAsync(string loaderId, TimeSpan timeout, string url, CancellationToken ct)
        {
            lock (gate)
            {
                awaitedLoader = loaderId;
                if (loadedLoaders.Contains(loaderId))
                {
                    loaded.TrySetResult();
                }
            }
            try
            {
                await loaded.Task.WaitAsync(timeout, ct).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                string waitingFor;
                lock (gate)
                {
                    waitingFor = unfinishedRequests.Count == 0
                        ? ""
                        : " Still loading: " + string.Join(", ", unfinishedRequests.Select(id => requestUrls.GetValueOrDefault(id, id))) + ".";
                }
                throw new TimeoutException($"{url} did not finish loading (no load event) within {timeout.TotalSeconds:0} s.{waitingFor}");
            }
        }

        public void Record(CdpEvent e)
        {
            var p = e.Params;
            if (p.ValueKind != JsonValueKind.Object)
            {
                return;
            }
            lock (gate)
            {
                switch (e.Method)
                {
                    case "Page.lifecycleEvent" when Text(p, "name") == "load":
                        var loader = Text(p, "loaderId");
                        if (loader is not null)
                        {
                            loadedLoaders.Add(loader);
                            if (loader == awaitedLoader)
                            {
                                loaded.TrySetResult();
                            }
                        }
                        break;
                    case "Runtime.consoleAPICalled" when Text(p, "type") is "error" or "assert":
                        consoleErrors.Add($"console.{Text(p, "type")}: {ConsoleArguments(p)}{Location(p)}");
                        break;
                    case "Runtime.exceptionThrown" when p.TryGetProperty("exceptionDetails", out var details):
                        var description = details.TryGetProperty("exception", out var exception) ? Text(exception, "description") : null;
                        var firstLine = (description ?? Text(details, "text") ?? "").Split('\n')[0];
                        consoleErrors.Add($"uncaught: {firstLine}{At(Short(Text(details, "url")), details)}");
                        break;
                    case "Log.entryAdded" when p.TryGetProperty("entry", out var entry) && Text(entry, "level") == "error":
                        var source = Short(Text(entry, "url")) is { Length: > 0 } u ? $" ({u})" : "";
                        consoleErrors.Add($"{Text(entry, "source")}: {Text(entry, "text")}{source}");
                        break;
                    case "Network.requestWillBeSent" when p.TryGetProperty("request", out var request):
                        requestUrls[Text(p, "requestId") ?? ""] = Short(Text(request, "url")) ?? "?";
                        // Every request, redirects included (each hop is announced again under the same id). A data:
                        // URL is shortened: it is the page's own bytes, and only its scheme matters to the checks.
                        var requested = Text(request, "url") ?? "?";
                        requests.Add(new PageRequest(
                            requested.StartsWith("data:", StringComparison.OrdinalIgnoreCase) ? Short(requested)! : requested,
                            Text(request, "method") ?? "?",
                            Text(p, "type") ?? "Other"));
                        unfinishedRequests.Add(Text(p, "requestId") ?? "");
                        break;
                    case "Network.loadingFinished":
                        unfinishedRequests.Remove(Text(p, "requestId") ?? "");
                        break;
                    case "Network.responseReceived" when p.TryGetProperty("response", out var response)
                                                         && response.TryGetProperty("status", out var status)
                                                         && status.TryGetInt32(out var code) && code >= 400:
                        failedResources.Add($"{Short(Text(response, "url"))}: HTTP {code.ToString(CultureInfo.InvariantCulture)}");
                        break;
                    case "Network.loadingFailed":
                        unfinishedRequests.Remove(Text(p, "requestId") ?? "");
                        if (p.TryGetProperty("canceled", out var canceled) && canceled.ValueKind == JsonValueKind.True)
                        {
                            break;
                        }
                        var url = requestUrls.GetValueOrDefault(Text(p, "requestId") ?? "", "(unknown request)");
                        var blocked = Text(p, "blockedReason") is { } reason ? $" (blocked: {reason})" : "";
                        failedResources.Add($"{url}: {Text(p, "errorText")}{blocked}");
                        break;
                    default:
                        break;
                }
            }
        }

        private static string? Text(JsonElement element, string property) =>
            element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static string? Short(string? url) => url is { Length: > 100 } ? url[..97] + "..." : url;

        private static string ConsoleArguments(JsonElement p)
        {
            if (!p.TryGetProperty("args", out var args) || args.ValueKind != JsonValueKind.Array)
            {
                return "";
            }
            return string.Join(' ', args.EnumerateArray().Select(a =>
                a.TryGetProperty("value", out var v) ? (v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())
                : Text(a, "description") ?? Text(a, "unserializableValue") ?? Text(a, "type")));
        }

        private static string Location(JsonElement p)
        {
            if (p.TryGetProperty("stackTrace", out var stack) && stack.TryGetProperty("callFrames", out var frames)
                && frames.ValueKind == JsonValueKind.Array && frames.GetArrayLength() > 0)
            {
                var top = frames[0];
                return At(Short(Text(top, "url")), top);
            }
            return "";
        }

        private static string At(string? url, JsonElement withLine)
        {
            if (string.IsNullOrEmpty(url))
            {
                return "";
            }
            // DevTools line numbers are 0-based.
            return withLine.TryGetProperty("lineNumber", out var line) && line.TryGetInt32(out var n)
                ? $" ({url}:{(n + 1).ToString(CultureInfo.InvariantCulture)})"
                : $" ({url})";
        }
    }
}
