using System.Globalization;
using YamlDotNet.Core.Events;

namespace Cradle.Syntax;

/// <summary>
/// Follows the shape of a YAML document event by event, before any node is built, and refuses what would make
/// building it crash or explode: nesting deeper than <see cref="YamlDocumentLoader.MaxDepth"/>, an alias in a key
/// (a key that contains an alias to itself hashes forever), and aliases that expand the document past
/// <see cref="YamlDocumentLoader.MaxNodes"/> values. Each is recorded in the problem list at its place.
/// </summary>
internal sealed class EventShape(string file, ProblemList problems)
{
    /// <summary>An open list or mapping: whether the next node is a key, how many values it holds so far, its anchor.</summary>
    private sealed class Frame(bool isMapping, bool isKey, string? anchor)
    {
        public bool IsMapping { get; } = isMapping;
        public bool IsKey { get; } = isKey;
        public string? Anchor { get; } = anchor;
        public bool ExpectingKey { get; set; } = isMapping;
        public long Values { get; set; } = 1;
    }

    private readonly Stack<Frame> _open = new();
    private readonly Dictionary<string, long> _anchorValues = new(StringComparer.Ordinal);
    private long _values;
    private int _keysOpen;

    /// <summary>Takes the next event; false when it was refused (the problem is recorded).</summary>
    public bool Accept(ParsingEvent current)
    {
        switch (current)
        {
            case Scalar scalar:
                Place(isKey: out _);
                return Count(current, 1, scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value);
            case AnchorAlias alias:
                Place(out var aliasIsKey);
                if (aliasIsKey || _keysOpen > 0)
                {
                    problems.Error("complex-key", YamlDocumentLoader.At(file, current.Start), "",
                        $"a key holds the alias '*{alias.Value.Value}'; the keys of Cradle's files are plain names: write the name out.");
                    return false;
                }
                return Count(current, _anchorValues.GetValueOrDefault(alias.Value.Value, 1), anchor: null);
            case MappingStart or SequenceStart:
                if (_open.Count >= YamlDocumentLoader.MaxDepth)
                {
                    problems.Error("too-deep", YamlDocumentLoader.At(file, current.Start), "",
                        $"lists and mappings nest more than {YamlDocumentLoader.MaxDepth} levels deep here; look for '[' or '{{' that are repeated or never closed.");
                    return false;
                }
                Place(out var isKey);
                var node = (NodeEvent)current;
                _open.Push(new Frame(current is MappingStart, isKey || _keysOpen > 0, node.Anchor.IsEmpty ? null : node.Anchor.Value));
                if (_open.Peek().IsKey)
                {
                    _keysOpen++;
                }
                return Total(current, 1);
            case MappingEnd or SequenceEnd:
                var closed = _open.Pop();
                if (closed.IsKey)
                {
                    _keysOpen--;
                }
                if (closed.Anchor is not null)
                {
                    _anchorValues[closed.Anchor] = closed.Values;
                }
                if (_open.TryPeek(out var parent))
                {
                    parent.Values += closed.Values;
                }
                return true;
            default:
                return true;
        }
    }

    /// <summary>Moves the enclosing mapping from key to value or back, and says whether this node is a key.</summary>
    private void Place(out bool isKey)
    {
        isKey = false;
        if (_open.TryPeek(out var parent) && parent.IsMapping)
        {
            isKey = parent.ExpectingKey;
            parent.ExpectingKey = !parent.ExpectingKey;
        }
    }

    /// <summary>Counts a scalar or an alias (<paramref name="values"/> once expanded) in the open list or mapping.</summary>
    private bool Count(ParsingEvent current, long values, string? anchor)
    {
        if (anchor is not null)
        {
            _anchorValues[anchor] = values;
        }
        if (_open.TryPeek(out var parent))
        {
            parent.Values += values;
        }
        return Total(current, values);
    }

    private bool Total(ParsingEvent current, long values)
    {
        _values += values;
        if (_values <= YamlDocumentLoader.MaxNodes)
        {
            return true;
        }
        problems.Error("alias-expansion", YamlDocumentLoader.At(file, current.Start), "", string.Create(CultureInfo.InvariantCulture,
            $"with its aliases expanded, the file holds more than {YamlDocumentLoader.MaxNodes:N0} values by here; Cradle's files hold a few thousand: use fewer aliases ('*name'), or write the values out."));
        return false;
    }
}
