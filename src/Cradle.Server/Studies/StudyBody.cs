using System.Text;
using Microsoft.AspNetCore.Http;

namespace Cradle.Server.Studies;

/// <summary>
/// A study's text from a request: UTF-8 (a byte-order mark is dropped), not empty. The body's size is bounded by the
/// server's upload limit (Kestrel answers 413 past it), so reading it whole is bounded too.
/// </summary>
internal static class StudyBody
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The media types a study is sent as.</summary>
    public static readonly string[] MediaTypes = ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain"];

    /// <summary>Whether the request says it sends a study (its Content-Type is one of <see cref="MediaTypes"/>).</summary>
    public static bool IsStudy(HttpRequest request)
    {
        var type = request.ContentType;
        if (type is null)
        {
            return false;
        }
        var media = type.Split(';', 2)[0].Trim();
        return MediaTypes.Any(m => string.Equals(m, media, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Reads the whole body; the text, or why it is refused.</summary>
    public static async Task<(string? Text, string? Refusal)> ReadAsync(Stream body, CancellationToken cancel)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancel).ConfigureAwait(false);
        return Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>The text of <paramref name="bytes"/>, or why it is refused.</summary>
    public static (string? Text, string? Refusal) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }
        string text;
        try
        {
            text = Strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return (null, "the study is not UTF-8 text; save it as UTF-8 and send it again.");
        }
        return string.IsNullOrWhiteSpace(text) ? (null, "the study is empty; send the study file's text (YAML, 'cradle: 1').") : (text, null);
    }
}
