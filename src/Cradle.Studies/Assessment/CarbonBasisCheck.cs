using Cradle.Studies.Compilation;
using Cradle.Studies.Definition;
using Cradle.Syntax;

namespace Cradle.Studies.Assessment;

/// <summary>
/// Alternatives are compared on carbon only if they report it on the same basis (GHG Protocol Scope 2 Guidance, 2015):
/// a market-based total counts contracted renewables that a location-based one does not, so the difference between them
/// would be partly bookkeeping. A market-based study in which some grid fell back to its location-based factor is on a
/// different basis from one in which none did. Anything else is refused, naming both, unless the user accepts the
/// difference with a reason, which the comparison then carries to its output.
/// </summary>
internal static class CarbonBasisCheck
{
    /// <summary>The command-line option that accepts different bases, for messages.</summary>
    public const string Option = "--accept-different-carbon-bases";

    /// <summary>
    /// The basis a candidate reports carbon on, as compared: "location-based", "market-based", or "market-based
    /// (location-based for grid x)" when a grid had no market-based figure; null when no greenhouse-gas category is assessed.
    /// </summary>
    public static string? Of(CompiledStudy compiled)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        var carbon = compiled.Conventions.Where(c => c.CarbonBasis is not null).ToList();
        if (carbon.Count == 0)
        {
            return null;
        }
        var basis = compiled.Study.Goal.CarbonBasis;
        var fallback = carbon.Where(c => basis == CarbonBasis.MarketBased && c.CarbonFactorFrom?.EndsWith(" per_kwh", StringComparison.Ordinal) == true)
            .Select(c => c.CarbonFactorFrom![..^" per_kwh".Length]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return fallback.Count == 0 ? basis : $"{basis} (location-based for {string.Join(", ", fallback)})";
    }

    /// <summary>
    /// Returns the differences between the candidates' carbon bases (empty when they agree). Throws when they differ and
    /// <paramref name="acceptedReason"/> is null, when the reason is blank, or when a reason is given for bases that agree.
    /// </summary>
    public static IReadOnlyList<string> Require(IReadOnlyList<(string Label, CompiledStudy Compiled)> candidates, string? acceptedReason)
    {
        var problems = new ProblemList();
        if (acceptedReason is not null && string.IsNullOrWhiteSpace(acceptedReason))
        {
            problems.Error("carbon-basis-accept-reason", null, Option,
                "say why alternatives reported on different carbon bases may be compared; the reason is printed with the comparison.");
            problems.ThrowIfErrors();
        }
        var (firstLabel, first) = candidates[0];
        var firstBasis = Of(first);
        var differences = new List<(string Text, SourceLocation Location)>();
        foreach (var (label, compiled) in candidates.Skip(1))
        {
            var basis = Of(compiled);
            if (firstBasis is not null && basis is not null && firstBasis != basis)
            {
                var location = compiled.Study.Goal.CarbonBasisLocation ?? new SourceLocation(compiled.Study.File, 1, 1);
                differences.Add(($"'{firstLabel}' reports carbon {firstBasis}, '{label}' {basis}", location));
            }
        }
        if (acceptedReason is null)
        {
            foreach (var (text, location) in differences)
            {
                problems.Error("carbon-basis-mismatch", location, "goal.carbon_basis",
                    $"alternatives must report carbon on the same basis to be compared, but {text}. Report both on one basis "
                    + $"(goal.carbon_basis, with market_based figures for every grid), or, if comparing them is meaningful anyway, say why with {Option} \"REASON\".");
            }
        }
        else if (differences.Count == 0)
        {
            problems.Error("carbon-basis-accept-unneeded", null, Option,
                "the alternatives report carbon on the same basis, so there is no difference to accept; leave the option out.");
        }
        problems.ThrowIfErrors();
        return [.. differences.Select(d => d.Text)];
    }
}
