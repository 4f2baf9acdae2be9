using Cradle.Core.Engine;

namespace Cradle.Core.Interpretation;

/// <summary>A stage whose share of a category's total reaches the significance threshold (ISO 14044 4.5.2).</summary>
/// <param name="Stage">The stage label.</param>
/// <param name="CategoryId">The impact category.</param>
/// <param name="Share">Its share of the category total (can exceed 1 or be negative when contributions have mixed signs).</param>
public sealed record SignificantIssue(string Stage, string CategoryId, double Share);

/// <summary>Finds the significant issues of a result: stages contributing at least a threshold share of a category.</summary>
public static class SignificantIssues
{
    /// <summary>For each category with a non-zero total, the stages with |contribution| ≥ threshold × |total|, largest first.</summary>
    /// <param name="result">The calculated result.</param>
    /// <param name="threshold">Share in (0, 1), e.g. 0.1.</param>
    public static IReadOnlyList<SignificantIssue> Find(LcaResult result, double threshold)
    {
        if (threshold is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The significance threshold is a share between 0 and 1.");
        }
        var stages = result.StageContributions();
        var issues = new List<SignificantIssue>();
        for (var k = 0; k < result.Impacts.Count; k++)
        {
            var total = result.Impacts[k];
            if (total == 0)
            {
                continue;
            }
            var category = result.Method.Categories[k].Id;
            issues.AddRange(stages
                .Select(s => new SignificantIssue(s.Stage, category, s.Values[k] / total))
                .Where(i => Math.Abs(i.Share) >= threshold)
                .OrderByDescending(i => Math.Abs(i.Share)));
        }
        return issues;
    }
}
