using System.Text.Json;

namespace Cradle.Interchange.Reading;

/// <summary>Reads one entity's fields, refusing the package with the entry and field when a required one is missing or of the wrong type.</summary>
internal readonly struct JsonFields(JsonElement element, string file, string path)
{
    public JsonElement Element => element;

    public string File => file;

    public string Path(string field) => path.Length == 0 ? field : $"{path}.{field}";

    public bool Has(string field) => element.TryGetProperty(field, out var v) && v.ValueKind != JsonValueKind.Null;

    public string RequiredString(string field) =>
        OptionalString(field) ?? throw Missing(field, "a string");

    public string? OptionalString(string field)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Wrong(field, "a string", value);
    }

    public double RequiredNumber(string field) => OptionalNumber(field) ?? throw Missing(field, "a number");

    public double? OptionalNumber(string field)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            throw Wrong(field, "a finite number", value);
        }
        return number;
    }

    public int RequiredInt(string field)
    {
        var number = RequiredNumber(field);
        return number == Math.Floor(number) && Math.Abs(number) < int.MaxValue
            ? (int)number
            : throw new OpenLcaPackageException(file, Path(field), $"expected a whole number, found {number.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
    }

    /// <summary>A boolean under either of two names (1.x "input", 2.x "isInput"); absent is false, as in olca-schema.</summary>
    public bool Flag(string v1Name, string v2Name)
    {
        foreach (var name in new[] { v1Name, v2Name })
        {
            if (element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                return value.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => throw Wrong(name, "true or false", value),
                };
            }
        }
        return false;
    }

    /// <summary>An object field, or null where absent.</summary>
    public JsonFields? OptionalObject(string field)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.Object ? new JsonFields(value, file, Path(field)) : throw Wrong(field, "an object", value);
    }

    public JsonFields RequiredObject(string field) => OptionalObject(field) ?? throw Missing(field, "an object");

    /// <summary>The @id of a reference object under <paramref name="field"/>, or null where the field is absent.</summary>
    public string? OptionalRef(string field) => OptionalObject(field)?.RequiredString("@id");

    public string RequiredRef(string field) => RequiredObject(field).RequiredString("@id");

    /// <summary>The elements of an array field (empty where absent), each an object.</summary>
    public IEnumerable<JsonFields> Objects(string field)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            yield break;
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Wrong(field, "an array", value);
        }
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = $"{Path(field)}[{i}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new OpenLcaPackageException(file, itemPath, $"expected an object, found {Describe(item)}.");
            }
            yield return new JsonFields(item, file, itemPath);
            i++;
        }
    }

    /// <summary>The strings of an array field (empty where absent).</summary>
    public IReadOnlyList<string> Strings(string field)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            throw Wrong(field, "an array of strings", value);
        }
        return value.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    private OpenLcaPackageException Missing(string field, string expected) =>
        new(file, Path(field), $"missing; expected {expected}.");

    private OpenLcaPackageException Wrong(string field, string expected, JsonElement found) =>
        new(file, Path(field), $"expected {expected}, found {Describe(found)}.");

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{Shorten(value.GetString()!)}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => "null",
    };

    private static string Shorten(string s) => s.Length <= 40 ? s : string.Concat(s.AsSpan(0, 40), "…");
}
