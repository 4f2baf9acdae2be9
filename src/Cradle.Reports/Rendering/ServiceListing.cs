using Cradle.Results;

namespace Cradle.Reports.Rendering;

/// <summary>
/// The lines a report shows under a comparison about the functional unit's quality and latency constraints: each
/// alternative's finding, marked, and the secondary impact-per-quality view, labelled as secondary.
/// </summary>
internal static class ServiceListing
{
    /// <summary>The findings, one line each ("UNMET: alternative 'small': GSM8K accuracy 0.61 &lt; …"); empty when none.</summary>
    public static IReadOnlyList<string> Findings(ComparisonResults comparison) =>
        [.. comparison.Service.SelectMany(s => s.Constraints).Select(c => $"{Mark(c.Status)}: {c.Message}"),
         .. comparison.UnmetConstraintsReason is { } reason ? [$"Alternatives marked unmet do not deliver the functional unit; compared anyway because: {reason}"] : Array.Empty<string>()];

    /// <summary>The secondary view, one line per alternative with a score; empty when none states one.</summary>
    public static IReadOnlyList<string> PerQualityPoint(ComparisonResults comparison) =>
        [.. comparison.Service.Where(s => s.PerQualityPoint is not null).Select(s =>
            $"{s.Id}: " + string.Join(", ", comparison.CategoryIds.Select((id, k) => $"{id} {NumberFormat.Format(s.PerQualityPoint![k])} per {s.Benchmark} point"))),];

    /// <summary>The heading of the secondary view.</summary>
    public const string SecondaryHeading =
        "Secondary view, not a comparison on the functional unit: impact per unit of quality (total per functional unit ÷ stated score)";

    private static string Mark(string status) => status switch
    {
        "met" => "met",
        "unmet" => "UNMET",
        _ => "NOT SHOWN",
    };
}
