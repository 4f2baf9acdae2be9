using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Cradle.Syntax;

/// <summary>
/// Reads one YAML mapping against the keys it may have. Unknown keys are errors that name the closest valid keys;
/// missing required keys are errors at the mapping's position; wrong kinds of value say what was expected.
/// </summary>
public sealed class MappingReader
{
    private readonly YamlMappingNode _node;
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);

    /// <summary>Reads <paramref name="node"/> at <paramref name="path"/>; keys outside <paramref name="allowedKeys"/> are reported as unknown, naming the node <paramref name="what"/>.</summary>
    public MappingReader(YamlMappingNode node, string path, string file, ProblemList problems, IReadOnlyCollection<string> allowedKeys, string what)
    {
        _node = node;
        Path = path;
        File = file;
        Problems = problems;
        string? previous = null;
        foreach (var (key, value) in node.Children)
        {
            if (!IsPlainKey(key, path, file, problems, what))
            {
                continue;
            }
            var scalar = (YamlScalarNode)key;
            var name = scalar.Value ?? "";
            if (!allowedKeys.Contains(name))
            {
                var shown = Printable.Escape(name);
                problems.Error("unknown-key", key.Location(file), Join(path, shown),
                    $"'{shown}' is not a field of {what}{Core.NameSuggestions.Hint(name, allowedKeys)}; the fields are: {string.Join(", ", allowedKeys)}"
                    + CommaHint(node, value, shown, previous) + ".");
                continue;
            }
            _entries[name] = (scalar, value);
            previous = name;
        }
    }

    /// <summary>
    /// In a flow mapping ("{value: 5, source: Smith, 2020}") a comma ends an entry, so the text after it becomes a
    /// key without a value: say so, and how to keep the comma in the value before it.
    /// </summary>
    private static string CommaHint(YamlMappingNode node, YamlNode value, string key, string? previous) =>
        node.Style == YamlDotNet.Core.Events.MappingStyle.Flow && value is YamlScalarNode { Value: null or "" } && previous is not null
            ? $"; inside {{…}} a comma ends a value, so '{key}' was read as a new field: if it belongs to the '{Printable.Escape(previous)}' before it, put that value in quotes ({Printable.Escape(previous)}: \"…, {key}\")"
            : "";

    /// <summary>The field path of this mapping, e.g. "stages.pre-training".</summary>
    public string Path { get; }

    /// <summary>The file, as named in messages.</summary>
    public string File { get; }

    /// <summary>Where problems are recorded.</summary>
    public ProblemList Problems { get; }

    /// <summary>Where the mapping starts.</summary>
    public SourceLocation Location => _node.Location(File);

    /// <summary>Whether the mapping has <paramref name="key"/> (an allowed one).</summary>
    public bool Has(string key) => _entries.ContainsKey(key);

    /// <summary>The allowed keys present.</summary>
    public IEnumerable<string> Keys => _entries.Keys;

    /// <summary>"a.b" from "a" and "b"; "b" from "" and "b".</summary>
    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    /// <summary>The value node of <paramref name="key"/>, or null.</summary>
    public YamlNode? Node(string key) => _entries.TryGetValue(key, out var entry) ? entry.Value : null;

    /// <summary>Where the value of <paramref name="key"/> starts, or the mapping's location when absent.</summary>
    public SourceLocation LocationOf(string key) =>
        _entries.TryGetValue(key, out var entry) ? entry.Value.Location(File) : Location;

    /// <summary>Records missing-field unless <paramref name="key"/> is present; <paramref name="expected"/> says what it should hold.</summary>
    public bool Require(string key, string expected)
    {
        if (Has(key))
        {
            return true;
        }
        Problems.Error("missing-field", Location, Join(Path, key), $"this field is required: {expected}.");
        return false;
    }

    /// <summary>A scalar as text, or null when absent; an error when it is a mapping or a list.</summary>
    public string? Text(string key)
    {
        var node = Node(key);
        if (node is null)
        {
            return null;
        }
        if (node is YamlScalarNode scalar)
        {
            // Folded and literal blocks ('>' and '|') end with a newline that is not part of the text.
            return scalar.Value?.Trim();
        }
        Problems.Error("wrong-kind", node.Location(File), Join(Path, key), $"expected a single value, found {node.Kind()}.");
        return null;
    }

    /// <summary>A plain number (no unit), or null when absent or invalid (the error is recorded).</summary>
    public double? Number(string key)
    {
        var text = Text(key);
        if (text is null)
        {
            return null;
        }
        // NaN, Infinity and 1e999 parse as doubles, but no figure of a study is meant to be one, and NaN slips past range checks.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }
        Problems.Error("not-a-number", LocationOf(key), Join(Path, key), $"expected a finite number, found '{Printable.Escape(text)}'.");
        return null;
    }

    /// <summary>One of <paramref name="choices"/>, or null when absent or invalid.</summary>
    public string? Choice(string key, IReadOnlyCollection<string> choices)
    {
        var text = Text(key);
        if (text is null || choices.Contains(text))
        {
            return text;
        }
        Problems.Error("unknown-choice", LocationOf(key), Join(Path, key),
            $"'{Printable.Escape(text)}' is not one of {string.Join(", ", choices)}{Core.NameSuggestions.Hint(text, choices)}.");
        return null;
    }

    /// <summary>A nested mapping, or null when absent or not a mapping (the error is recorded).</summary>
    public YamlMappingNode? Mapping(string key)
    {
        var node = Node(key);
        if (node is null or YamlMappingNode)
        {
            return (YamlMappingNode?)node;
        }
        Problems.Error("wrong-kind", node.Location(File), Join(Path, key), $"expected a mapping of fields, found {node.Kind()}.");
        return null;
    }

    /// <summary>A list of scalars, or empty when absent; errors for non-scalar items.</summary>
    public IReadOnlyList<(string Value, SourceLocation Location)> StringList(string key)
    {
        var node = Node(key);
        if (node is null)
        {
            return [];
        }
        if (node is not YamlSequenceNode sequence)
        {
            Problems.Error("wrong-kind", node.Location(File), Join(Path, key), $"expected a list, found {node.Kind()}.");
            return [];
        }
        var items = new List<(string, SourceLocation)>();
        foreach (var item in sequence)
        {
            if (item is YamlScalarNode { Value: not null } scalar)
            {
                items.Add((scalar.Value, item.Location(File)));
            }
            else
            {
                Problems.Error("wrong-kind", item.Location(File), Join(Path, key), $"expected a single value in the list, found {item.Kind()}.");
            }
        }
        return items;
    }

    /// <summary>
    /// The entries of a mapping whose keys are ids and whose values are mappings of fields (devices, sites, stages);
    /// an entry that is not a mapping is reported as <paramref name="what"/> and skipped.
    /// </summary>
    public IEnumerable<(string Id, SourceLocation Location, YamlMappingNode Fields)> EntryMappings(string key, string what)
    {
        foreach (var (id, location, value) in Entries(key))
        {
            if (!IsValidId(id))
            {
                Problems.Error("invalid-id", location, $"{Join(Path, key)}.{Printable.Escape(id)}",
                    "ids are letters, digits, '-', '_' and '.' (they become parts of parameter names such as 'sites.jupiter.pue').");
                continue;
            }
            if (value is YamlMappingNode fields)
            {
                yield return (id, location, fields);
            }
            else
            {
                Problems.Error("wrong-kind", location, $"{Join(Path, key)}.{id}", $"expected {what}, found {value.Kind()}.");
            }
        }
    }

    private static bool IsValidId(string id) => id.Length > 0 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>The entries of a mapping whose keys are ids (devices, sites, stages).</summary>
    public IEnumerable<(string Id, SourceLocation Location, YamlNode Value)> Entries(string key)
    {
        var mapping = Mapping(key);
        if (mapping is null)
        {
            yield break;
        }
        foreach (var (k, v) in mapping.Children)
        {
            if (IsPlainKey(k, Join(Path, key), File, Problems, "this mapping"))
            {
                yield return (((YamlScalarNode)k).Value ?? "", k.Location(File), v);
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="key"/> is a plain name; a list or mapping used as a key ("? [a, b]") is recorded as
    /// "complex-key", since every key Cradle reads is a name.
    /// </summary>
    private static bool IsPlainKey(YamlNode key, string path, string file, ProblemList problems, string what)
    {
        if (key is YamlScalarNode)
        {
            return true;
        }
        problems.Error("complex-key", key.Location(file), path,
            $"the keys of {what} are names, but this key is {key.Kind()}; write the key as a plain name followed by ':'.");
        return false;
    }
}
