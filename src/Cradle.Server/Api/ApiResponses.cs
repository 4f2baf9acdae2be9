using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Cradle.Server.Api;

/// <summary>
/// How the API answers: JSON written with <see cref="Utf8JsonWriter"/> (no reflection, so the NativeAOT build serves it
/// as is), and errors in one shape, <c>{"error": {"code", "message", "problems"?}}</c>, with a stable code per kind.
/// </summary>
public static class ApiResponses
{
    /// <summary>The media type of every JSON answer.</summary>
    public const string JsonType = "application/json; charset=utf-8";

    // Relaxed escaping keeps "+" and non-ASCII names readable; the answers are JSON documents, never embedded in HTML.
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <paramref name="status"/> and the JSON <paramref name="write"/> produces.</summary>
    public static async Task JsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(write);
        context.Response.StatusCode = status;
        context.Response.ContentType = JsonType;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Indented))
        {
            write(writer);
        }
        context.Response.ContentLength = buffer.Length;
        await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Writes JSON text made elsewhere (a results document in its own schema) as it is.</summary>
    public static Task JsonTextAsync(HttpContext context, int status, string json)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        context.Response.ContentType = JsonType;
        return context.Response.WriteAsync(json, context.RequestAborted);
    }

    /// <summary>An error: <paramref name="code"/> is stable (programs branch on it), <paramref name="message"/> says how
    /// to fix the request; <paramref name="problems"/> adds one object per finding (a study's problems at their line).</summary>
    public static Task ErrorAsync(HttpContext context, int status, string code, string message, Action<Utf8JsonWriter>? problems = null) =>
        JsonAsync(context, status, w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("error");
            w.WriteString("code", code);
            w.WriteString("message", message);
            if (problems is not null)
            {
                w.WriteStartArray("problems");
                problems(w);
                w.WriteEndArray();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        });
}
