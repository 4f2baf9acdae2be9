using Cradle.Trends.Epoch;

namespace Cradle.Trends.Selection;

/// <summary>A row that cannot be assessed, with every reason that applies (the first is the most basic).</summary>
/// <param name="Row">The row as read.</param>
/// <param name="Reasons">At least one.</param>
public sealed record SkippedModel(EpochRow Row, IReadOnlyList<SkipReason> Reasons);

/// <summary>Every row of the table, either assessable or skipped with its reasons.</summary>
/// <param name="Assessable">Rows the assessment can use, in file order.</param>
/// <param name="Skipped">Rows it cannot, in file order.</param>
public sealed record ModelSelection(IReadOnlyList<AssessableModel> Assessable, IReadOnlyList<SkippedModel> Skipped)
{
    /// <summary>Rows read: assessable + skipped.</summary>
    public int Total => Assessable.Count + Skipped.Count;

    /// <summary>Skipped rows by their first reason's code (each row counted once; the counts sum to <see cref="Skipped"/>'s count).</summary>
    public IReadOnlyDictionary<string, int> SkippedByFirstReason =>
        Skipped.GroupBy(s => s.Reasons[0].Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>Rows with each reason (a row with two reasons counts under both).</summary>
    public IReadOnlyDictionary<string, int> SkippedByReason =>
        Skipped.SelectMany(s => s.Reasons.Select(r => r.Code)).GroupBy(c => c, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
