using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cradle.Testing.Browser;

/// <summary>One event of the Chrome DevTools Protocol; <paramref name="SessionId"/> names the attached target (null for the browser).</summary>
internal sealed record CdpEvent(string Method, JsonElement Params, string? SessionId);

/// <summary>Thrown when Chromium answers a DevTools command with an error.</summary>
public sealed class CdpException(string message) : Exception(message);

/// <summary>
/// A minimal Chrome DevTools Protocol client over one WebSocket: commands with ids and timeouts, events to a handler.
/// Flattened sessions (Target.attachToTarget with flatten) let one socket talk to the browser and its pages.
/// </summary>
internal sealed class CdpConnection : IAsyncDisposable
{
    private readonly ClientWebSocket socket;
    private readonly Action<CdpEvent> onEvent;
    private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonElement>> pending = new();
    private readonly SemaphoreSlim sendLock = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private readonly Task receiving;
    private long lastId;
    private volatile string? closedReason;

    private CdpConnection(ClientWebSocket socket, Action<CdpEvent> onEvent)
    {
        this.socket = socket;
        this.onEvent = onEvent;
        receiving = Task.Run(ReceiveLoopAsync);
    }

    /// <summary>Connects to a DevTools WebSocket; <paramref name="onEvent"/> runs on the receive loop and must be quick.</summary>
    public static async Task<CdpConnection> ConnectAsync(Uri endpoint, Action<CdpEvent> onEvent, TimeSpan timeout, CancellationToken ct)
    {
        var socket = new ClientWebSocket();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            await socket.ConnectAsync(endpoint, limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            socket.Dispose();
            throw new TimeoutException($"Could not open the DevTools WebSocket {endpoint} within {timeout.TotalSeconds:0.#} s.");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new CdpConnection(socket, onEvent);
    }

    /// <summary>Sends a command and waits for its result; a missing answer within <paramref name="timeout"/> is a <see cref="TimeoutException"/>.</summary>
    public async Task<JsonElement> SendAsync(string method, JsonObject? parameters, string? sessionId, TimeSpan timeout, CancellationToken ct)
    {
        if (closedReason is { } reason)
        {
            throw new IOException($"Cannot send {method}: the DevTools connection to Chromium is closed ({reason}).");
        }
        var id = Interlocked.Increment(ref lastId);
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = answer;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? [] };
        if (sessionId is not null)
        {
            message["sessionId"] = sessionId;
        }
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            await sendLock.WaitAsync(limit.Token).ConfigureAwait(false);
            try
            {
                await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, limit.Token).ConfigureAwait(false);
            }
            finally
            {
                sendLock.Release();
            }
            return await answer.Task.WaitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"Chromium did not answer {method} within {timeout.TotalSeconds:0.#} s.");
        }
        finally
        {
            pending.TryRemove(id, out _);
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                message.SetLength(0);
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, stopping.Token).ConfigureAwait(false);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        Close("Chromium closed the WebSocket");
                        return;
                    }
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);
                Dispatch(message.GetBuffer().AsMemory(0, (int)message.Length));
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            Close("disposed");
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or JsonException)
        {
            Close(e.Message);
        }
    }

    private void Dispatch(ReadOnlyMemory<byte> utf8)
    {
        using var document = JsonDocument.Parse(utf8);
        var root = document.RootElement;
        if (root.TryGetProperty("id", out var idElement))
        {
            if (pending.TryGetValue(idElement.GetInt64(), out var answer))
            {
                if (root.TryGetProperty("error", out var error))
                {
                    var text = error.TryGetProperty("message", out var m) ? m.GetString() : error.GetRawText();
                    answer.TrySetException(new CdpException($"Chromium refused a command: {text}"));
                }
                else
                {
                    answer.TrySetResult(root.TryGetProperty("result", out var r) ? r.Clone() : default);
                }
            }
        }
        else if (root.TryGetProperty("method", out var method))
        {
            var parameters = root.TryGetProperty("params", out var p) ? p.Clone() : default;
            var session = root.TryGetProperty("sessionId", out var s) ? s.GetString() : null;
            onEvent(new CdpEvent(method.GetString() ?? "", parameters, session));
        }
    }

    private void Close(string reason)
    {
        closedReason ??= reason;
        foreach (var (id, answer) in pending)
        {
            answer.TrySetException(new IOException($"The DevTools connection to Chromium closed ({reason}) before command {id} was answered."));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        socket.Abort();
        try
        {
            await receiving.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The loop is stuck in a receive that Abort did not end; it owns nothing else, so leave it.
        }
        socket.Dispose();
        sendLock.Dispose();
        stopping.Dispose();
    }
}
