using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Cradle.Results.Json;

/// <summary>
/// A value of the results JSON together with its JSON path ("$.alternatives[0].inputs[3].line"), so that every
/// field that is missing or of the wrong type is reported as a <see cref="ResultsFormatException"/> naming where it is,
/// never as an exception of the JSON library. Optional fields may be absent or null; required ones may not.
/// </summary>
internal readonly struct ResultsNode
{
    private readonly JsonElement _element;
    // The schema of the document (cradle.assessment/1 or /2), named in every message.
    private readonly string _schema;

    public ResultsNode(JsonElement element, string path, string schema)
    {
        _element = element;
        Path = path;
        _schema = schema;
    }

    /// <summary>Where the value is, as a JSON path from the root ($).</summary>
    public string Path { get; }

    /// <summary>The JSON kind of the value.</summary>
    public JsonValueKind Kind => _element.ValueKind;

    /// <summary>The field <paramref name="name"/> of this object, which must be there (and not null).</summary>
    public ResultsNode Need(string name) =>
        TryGet(name, out var value) ? value : throw Missing(name);

    /// <summary>The field <paramref name="name"/> of this object when it is there and not null.</summary>
    public bool TryGet(string name, out ResultsNode value)
    {
        if (_element.ValueKind != JsonValueKind.Object)
        {
            throw Wrong("an object of fields");
        }
        if (_element.TryGetProperty(name, out var element) && element.ValueKind != JsonValueKind.Null)
        {
            value = new ResultsNode(element, Child(Path, name), _schema);
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>The text field <paramref name="name"/>, which must be there.</summary>
    public string NeedText(string name) => Text(name) ?? throw Missing(name);

    /// <summary>The text field <paramref name="name"/>, or null when absent or null; any other kind is an error.</summary>
    public string? Text(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }
        return value.AsText();
    }

    /// <summary>This value as text.</summary>
    public string AsText() => _element.ValueKind == JsonValueKind.String
        ? StringOf(_element) ?? throw Wrong("a text of valid Unicode (no lone surrogate such as \\ud800)")
        : throw Wrong("a text");

    /// <summary>The text of a JSON string, or null when it escapes a lone surrogate, which .NET strings cannot hold as text.</summary>
    public static string? StringOf(JsonElement element)
    {
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>This value as a number.</summary>
    public double Double() =>
        _element.ValueKind == JsonValueKind.Number && _element.TryGetDouble(out var value) && double.IsFinite(value)
            ? value
            : throw Wrong("a number");

    /// <summary>This value as a number, or NaN for null (a share or figure with no defined value is written as null).</summary>
    public double NumberOrNaN() => _element.ValueKind == JsonValueKind.Null ? double.NaN : Double();

    /// <summary>This value as a whole number within the range of <see cref="int"/>.</summary>
    public int Int() =>
        _element.ValueKind == JsonValueKind.Number && _element.TryGetInt32(out var value) ? value : throw Wrong("a whole number");

    /// <summary>This value as a whole number of 0 or more.</summary>
    public ulong UInt64() =>
        _element.ValueKind == JsonValueKind.Number && _element.TryGetUInt64(out var value) ? value : throw Wrong("a whole number of 0 or more");

    /// <summary>This value as true or false.</summary>
    public bool Bool() => _element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Wrong("true or false"),
    };

    /// <summary>The items of this list, each with its path.</summary>
    public IEnumerable<ResultsNode> Items()
    {
        if (_element.ValueKind != JsonValueKind.Array)
        {
            throw Wrong("a list");
        }
        var (path, schema) = (Path, _schema);
        return _element.EnumerateArray().Select((item, index) => new ResultsNode(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]"), schema));
    }

    /// <summary>The fields of this object, each with its path.</summary>
    public IEnumerable<(string Name, ResultsNode Value)> Properties()
    {
        if (_element.ValueKind != JsonValueKind.Object)
        {
            throw Wrong("an object of fields");
        }
        var (path, schema) = (Path, _schema);
        return _element.EnumerateObject().Select(p => (p.Name, new ResultsNode(p.Value, Child(path, p.Name), schema)));
    }

    /// <summary>The error for this value when it is not <paramref name="expected"/>.</summary>
    public ResultsFormatException Wrong(string expected) =>
        new($"The results have {Describe(_element)} at {Path}, where schema '{_schema}' has {expected}; {Advice}");

    private ResultsFormatException Missing(string name) =>
        new($"The results lack the field {Child(Path, name)} that schema '{_schema}' requires; {Advice}");

    private const string Advice =
        "write them again with 'cradle assess STUDY --format json' (a truncated or hand-edited file cannot be read).";

    /// <summary>"$.a.b", or "$.a['odd name']" for a name that is not a plain identifier.</summary>
    private static string Child(string path, string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
            ? $"{path}.{name}"
            : $"{path}[{Quoted(name)}]";

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => StringOf(element) is { } text ? $"the text {Quoted(text)}" : $"the text {Shortened(element.GetRawText())}",
        JsonValueKind.Number => $"the number {Shortened(element.GetRawText())}",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "null",
    };

    // JSON's own quoting escapes control characters, so that nothing from the file reaches the terminal raw.
    private static string Quoted(string text) =>
        $"\"{JsonEncodedText.Encode(Shortened(text), JavaScriptEncoder.UnsafeRelaxedJsonEscaping)}\"";

    private static string Shortened(string text) => text.Length <= 60 ? text : text[..57] + "…";
}
