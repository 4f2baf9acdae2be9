namespace Cradle.Store;

/// <summary>The rules for run tags (<see cref="NewRun.Tags"/>), shared by the stores and the CLI that reads them.</summary>
public static class RunTags
{
    /// <summary>The most tags one run may carry.</summary>
    public const int MaxPerRun = 16;

    /// <summary>The longest tag, in characters.</summary>
    public const int MaxLength = 64;

    /// <summary>Why <paramref name="tag"/> is not a valid tag; null when it is.</summary>
    public static string? Problem(string? tag)
    {
        if (string.IsNullOrEmpty(tag) || tag.Length > MaxLength)
        {
            return $"A tag has 1 to {MaxLength} characters (got {(tag is null ? "none" : tag.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))}).";
        }

        // Commas separate tags where they are read back as one text; control characters would garble every output.
        if (tag.Any(c => char.IsControl(c) || c == ','))
        {
            return $"A tag has no commas or control characters (got '{tag.Replace("\n", "\\n", StringComparison.Ordinal)}').";
        }

        return null;
    }

    /// <summary>Why <paramref name="tags"/> are not a valid set of tags for one run; null when they are.</summary>
    public static string? Problem(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        if (tags.Count > MaxPerRun)
        {
            return $"A run has at most {MaxPerRun} tags (got {tags.Count}).";
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            if (Problem(tag) is { } problem)
            {
                return problem;
            }

            if (!seen.Add(tag))
            {
                return $"The tag '{tag}' is given twice.";
            }
        }

        return null;
    }

    /// <summary>The tags stored as one comma-joined text (null for none), in their order.</summary>
    internal static IReadOnlyList<string> Split(string? joined) =>
        string.IsNullOrEmpty(joined) ? TagList.Empty : new TagList(joined.Split(','));
}

/// <summary>A run's tags with value equality, so two <see cref="Run"/> values with the same tags are equal.</summary>
internal sealed class TagList(string[] items) : IReadOnlyList<string>, IEquatable<TagList>
{
    private readonly string[] tags = items;

    public static TagList Empty { get; } = new([]);

    public string this[int index] => tags[index];

    public int Count => tags.Length;

    public static TagList Of(IReadOnlyList<string>? value) =>
        value switch { TagList list => list, null or { Count: 0 } => Empty, _ => new TagList([.. value]) };

    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)tags).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(TagList? other) => other is not null && tags.AsSpan().SequenceEqual(other.tags);

    public override bool Equals(object? obj) => Equals(obj as TagList);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var tag in tags)
        {
            hash.Add(tag, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => string.Join(',', tags);
}
