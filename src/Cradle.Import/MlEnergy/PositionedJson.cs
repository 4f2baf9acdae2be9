using System.Text;
using System.Text.Json;

namespace Cradle.Import.MlEnergy;

/// <summary>
/// A parsed JSON document with the line and column of every object member's value, so that an error can point at the
/// value at fault (JsonDocument keeps no positions). Duplicate keys in one object are refused: which would count?
/// </summary>
internal sealed class PositionedJson
{
    private readonly Dictionary<string, (int Line, int Column)> positions;

    private PositionedJson(string file, JsonElement root, Dictionary<string, (int Line, int Column)> positions)
    {
        File = file;
        Root = root;
        this.positions = positions;
    }

    /// <summary>The file, for messages.</summary>
    public string File { get; }

    /// <summary>The document's root value.</summary>
    public JsonElement Root { get; }

    /// <summary>Parses <paramref name="bytes"/> (UTF-8, a BOM allowed).</summary>
    /// <exception cref="MlEnergyFormatException">Not UTF-8, not JSON, or a key repeated in one object.</exception>
    public static PositionedJson Parse(string file, byte[] bytes)
    {
        var body = bytes.AsMemory();
        if (body.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            body = body[3..];
        }
        try
        {
            _ = new UTF8Encoding(false, true).GetString(body.Span);
        }
        catch (DecoderFallbackException e)
        {
            throw new MlEnergyFormatException(file, 1, 1, "$", $"not UTF-8 text (byte {e.Index}); expected a JSON file");
        }
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new MlEnergyFormatException(file, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, "$",
                $"not valid JSON ({e.Message.Split(" LineNumber", 2)[0].TrimEnd('.', ' ')}); expected a JSON object");
        }
        return new PositionedJson(file, root, Positions(file, body.Span));
    }

    /// <summary>The JSON path of a member of the root object, e.g. <c>$["Energy/req (J)"]</c>.</summary>
    public static string PathOf(params string[] keys) => "$" + string.Concat(keys.Select(k => "[\"" + k.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"]"));

    /// <summary>An error at the value of <paramref name="path"/> (the document's start when it has no such value).</summary>
    public MlEnergyFormatException Error(string path, string problem)
    {
        var (line, column) = positions.TryGetValue(path, out var at) ? at : (1, 1);
        return new MlEnergyFormatException(File, line, column, path, problem);
    }

    private static Dictionary<string, (int Line, int Column)> Positions(string file, ReadOnlySpan<byte> bytes)
    {
        var positions = new Dictionary<string, (int Line, int Column)>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(bytes);
        var containers = new Stack<string>();
        string? member = null;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                member = reader.GetString()!;
                continue;
            }
            var parent = containers.Count == 0 ? "" : containers.Peek();
            string? path = null;
            if (member is not null)
            {
                path = parent + PathOf(member)[1..];
                if (!positions.TryAdd("$" + path, At(bytes, reader.TokenStartIndex)))
                {
                    var (line, column) = At(bytes, reader.TokenStartIndex);
                    throw new MlEnergyFormatException(file, line, column, "$" + path, "the key appears twice in one object; expected each key once");
                }
                member = null;
            }
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                // Array elements share their array's path: records and models.json have no arrays that matter.
                containers.Push(path ?? parent + (containers.Count == 0 ? "" : "[*]"));
            }
            else if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                containers.Pop();
            }
        }
        return positions;
    }

    private static (int Line, int Column) At(ReadOnlySpan<byte> bytes, long offset)
    {
        var before = bytes[..(int)offset];
        var newline = before.LastIndexOf((byte)'\n');
        return (before.Count((byte)'\n') + 1, before.Length - newline);
    }
}
