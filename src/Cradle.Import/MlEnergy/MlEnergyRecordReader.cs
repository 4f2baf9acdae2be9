using System.Text.Json;

namespace Cradle.Import.MlEnergy;

/// <summary>Reads and checks one leaderboard v2 record file: the ten keys, each of the expected type and range.</summary>
internal static class MlEnergyRecordReader
{
    /// <summary>The keys every v2 record has, in the files' order.</summary>
    public static readonly string[] Keys =
    [
        "Model", "GPU", "TP", "PP", "Energy/req (J)", "Avg TPOT (s)", "Token tput (tok/s)", "Avg Output Tokens", "Avg BS (reqs)", "Max BS (reqs)",
    ];

    /// <exception cref="MlEnergyFormatException">Not a v2 record: the first problem, with file, line, column and JSON path.</exception>
    public static MlEnergyRecord Read(string file, byte[] bytes)
    {
        var json = PositionedJson.Parse(file, bytes);
        if (json.Root.ValueKind != JsonValueKind.Object)
        {
            throw json.Error("$", $"a JSON {Kind(json.Root)}; expected an object with the keys {string.Join(", ", Keys)}");
        }
        var root = json.Root;
        foreach (var key in Keys)
        {
            if (!root.TryGetProperty(key, out _))
            {
                throw json.Error("$", $"no \"{key}\" key; expected an ML.ENERGY leaderboard v2 record with the keys {string.Join(", ", Keys)}");
            }
        }
        return new MlEnergyRecord(
            Text(json, "Model"), Text(json, "GPU"), Count(json, "TP"), Count(json, "PP"),
            Positive(json, "Energy/req (J)", "joules of GPU energy per request"), Positive(json, "Avg TPOT (s)", "seconds per output token"),
            Positive(json, "Token tput (tok/s)", "output tokens per second"), Positive(json, "Avg Output Tokens", "output tokens per request"),
            Positive(json, "Avg BS (reqs)", "requests in the average batch"), Count(json, "Max BS (reqs)"));
    }

    private static string Text(PositionedJson json, string key)
    {
        var value = json.Root.GetProperty(key);
        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw json.Error(PositionedJson.PathOf(key), $"{Found(value)}; expected a non-empty string");
        }
        return value.GetString()!;
    }

    private static int Count(PositionedJson json, string key)
    {
        var value = json.Root.GetProperty(key);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var count) || count < 1)
        {
            throw json.Error(PositionedJson.PathOf(key), $"{Found(value)}; expected a whole number ≥ 1");
        }
        return count;
    }

    private static double Positive(PositionedJson json, string key, string what)
    {
        var value = json.Root.GetProperty(key);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number) || number <= 0)
        {
            throw json.Error(PositionedJson.PathOf(key), $"{Found(value)}; expected a number above 0 ({what})");
        }
        return number;
    }

    /// <summary>The offending value as the message shows it: text quoted, numbers as written.</summary>
    internal static string Found(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"found text \"{Clip(value.GetString()!)}\"",
        JsonValueKind.Number => $"found {Clip(value.GetRawText())}",
        _ => $"found {Kind(value)}",
    };

    internal static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        JsonValueKind.Null => "null",
        JsonValueKind.String => "string",
        _ => "number",
    };

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
