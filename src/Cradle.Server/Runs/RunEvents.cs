using System.Globalization;
using System.Text;
using System.Text.Json;
using Cradle.Results.Json;
using Cradle.Runs;
using Cradle.Store;
using Microsoft.AspNetCore.Http;

namespace Cradle.Server.Runs;

/// <summary>
/// <c>GET /api/runs/{run}/events</c>: Server-Sent Events that follow a run. About once a second (the server's clock) an
/// event <c>samples</c> carries the samples stored since the last one (a JSON array, the fields of cradle.samples/1);
/// when the run is no longer running, the last samples and an event <c>status</c> (the run object of cradle.run/1) are
/// sent and the stream ends. Each event's id is the offset of its last sample, so a reconnecting EventSource
/// (Last-Event-ID) or <c>?after=S</c> resumes after it.
/// </summary>
internal static class RunEvents
{
    /// <summary>How often the store is polled for new samples.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    // Per tick at most this many samples are read and sent: a long backlog arrives over several ticks, not in one read.
    private const int SamplesPerEvent = 5000;

    private static readonly JsonWriterOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task StreamAsync(HttpContext context)
    {
        var state = RunApi.State(context);
        var store = state.Store;
        var resume = context.Request.Headers["Last-Event-ID"].ToString();
        var query = context.Request.Query;
        double after;
        if (resume.Length > 0 && double.TryParse(resume, NumberStyles.Float, CultureInfo.InvariantCulture, out var id) && double.IsFinite(id))
        {
            after = id;
        }
        else if (RunQuery.Offset(query, "after", out var problem) is { } given)
        {
            after = given;
        }
        else
        {
            await RunApi.BadQueryAsync(context, problem!).ConfigureAwait(false);
            return;
        }

        if (await RunLookup.FindAsync(context, store).ConfigureAwait(false) is not { } run)
        {
            return;
        }

        var aborted = context.RequestAborted;
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        // Tell proxies not to buffer the stream; the comment makes the client see the answer begin at once.
        context.Response.Headers["X-Accel-Buffering"] = "no";
        await WriteAsync(context, ": following run " + run.Id + "\nretry: 2000\n\n").ConfigureAwait(false);
        try
        {
            while (!aborted.IsCancellationRequested)
            {
                // The status is read before the samples: a run seen finished has stored all its samples by then.
                var current = store.FindRun(run.Id);
                var finished = current is null || current.Status != RunStatus.Running;
                var samples = store.GetSamplesAfter(run.Id, after, SamplesPerEvent);
                if (samples.Count > 0)
                {
                    after = samples[^1].OffsetSeconds;
                    await WriteAsync(context, Event("samples", after, w => WriteSamples(w, samples))).ConfigureAwait(false);
                }

                if (finished && samples.Count < SamplesPerEvent)
                {
                    if (current is not null)
                    {
                        await WriteAsync(context, Event("status", after, w => RunJson.WriteRun(w, current))).ConfigureAwait(false);
                    }
                    return;
                }

                if (samples.Count < SamplesPerEvent)
                {
                    await Task.Delay(Period, state.Time, aborted).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away: nothing more to send.
        }
        catch (RunNotFoundException)
        {
            // The run was deleted while followed: the stream ends without a status.
        }
    }

    private static void WriteSamples(Utf8JsonWriter w, IReadOnlyList<Sample> samples)
    {
        w.WriteStartArray();
        foreach (var s in samples)
        {
            RunJson.WriteSample(w, s);
        }
        w.WriteEndArray();
    }

    private static string Event(string name, double id, Action<Utf8JsonWriter> data)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Compact))
        {
            data(writer);
        }

        // Compact JSON has no line breaks (strings escape them), so the data fits one "data:" line.
        return string.Create(CultureInfo.InvariantCulture,
            $"event: {name}\nid: {id.ToString("R", CultureInfo.InvariantCulture)}\ndata: {Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)}\n\n");
    }

    private static async Task WriteAsync(HttpContext context, string text)
    {
        await context.Response.WriteAsync(text, context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
