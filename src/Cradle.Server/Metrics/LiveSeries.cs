using Prometheus;

namespace Cradle.Server.Metrics;

/// <summary>
/// The labelled series of one metric that a scrape sets from the current state: those set in the previous round but not
/// in this one (a run that finished, a figure that is now missing) are removed at <see cref="Sweep"/>, so nothing stale
/// and no 0 for a missing figure is ever exported.
/// </summary>
internal sealed class LiveSeries<TChild>(Collector<TChild> collector)
    where TChild : ChildBase
{
    private HashSet<string[]> _previous = new(LabelValues.Comparer);
    private HashSet<string[]> _current = new(LabelValues.Comparer);

    /// <summary>The series with these label values, kept at the next sweep.</summary>
    public TChild Touch(params string[] labelValues)
    {
        _current.Add(labelValues);
        return collector.WithLabels(labelValues);
    }

    /// <summary>Removes the series not touched since the previous sweep and starts a new round.</summary>
    public void Sweep()
    {
        foreach (var labels in _previous)
        {
            if (!_current.Contains(labels))
            {
                collector.RemoveLabelled(labels);
            }
        }
        (_previous, _current) = (_current, _previous);
        _current.Clear();
    }
}

/// <summary>Label values compared element by element.</summary>
internal sealed class LabelValues : IEqualityComparer<string[]>
{
    public static LabelValues Comparer { get; } = new();

    public bool Equals(string[]? x, string[]? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

    public int GetHashCode(string[] obj)
    {
        var hash = new HashCode();
        foreach (var value in obj)
        {
            hash.Add(value, StringComparer.Ordinal);
        }
        return hash.ToHashCode();
    }
}
