using Cradle.Studies.Definition;
using Cradle.Syntax;

namespace Cradle.Studies.Compilation;

/// <summary>
/// A declared carbon figure carries the basis its source used. One on the other basis than the study reports would be
/// added to figures it does not match ("420 t CO2e, location-based" in a market-based total), so it is an error; one
/// counted in an other-basis row (where the study shows both) is a warning, since a single figure cannot be on both.
/// </summary>
internal static class DeclaredCarbonBasis
{
    /// <summary>Records the errors and warnings for every stage's declared greenhouse-gas figures.</summary>
    public static void Check(StudyDefinition study, IReadOnlySet<string> otherRows, IReadOnlyList<Indicator> indicators, ProblemList problems)
    {
        var reported = study.Goal.CarbonBasis;
        var assessed = indicators.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var stage in study.Stages)
        {
            foreach (var figure in stage.Footprint.Where(f => CarbonBasis.Indicators.Contains(f.IndicatorId) && assessed.Contains(f.IndicatorId)))
            {
                var field = $"stages.{stage.Id}.footprint.{figure.IndicatorId}";
                if (figure.Basis is { } basis && basis != reported)
                {
                    problems.Error("carbon-basis-mismatch", figure.Location, $"{field}.basis",
                        $"this figure is {basis}, but the study reports carbon {reported} (goal.carbon_basis"
                        + (study.Goal.CarbonBasisLocation is null ? ", the default" : "") + $"): declare the stage's {reported} figure, "
                        + $"or report the study {basis} with 'goal: {{carbon_basis: {basis}}}'; figures on different bases are never added silently.");
                }
                else if (otherRows.Contains(figure.IndicatorId))
                {
                    var row = CarbonBasis.RowId(figure.IndicatorId, CarbonBasis.Other(reported));
                    problems.Warning("declared-one-basis", figure.Location, field,
                        $"the {row} row counts this declared figure unchanged ({figure.Basis ?? "its basis not stated"}): a declared figure has one basis, "
                        + $"so that row is {CarbonBasis.Other(reported)} for the grid electricity only.");
                }
            }
        }
    }
}
