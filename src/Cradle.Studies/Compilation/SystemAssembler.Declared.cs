using Cradle.Core.Model;
using Cradle.Studies.Definition;

namespace Cradle.Studies.Compilation;

/// <summary>Declared footprints: reported figures that stand in for a stage's activity data.</summary>
internal sealed partial class SystemAssembler
{
    /// <summary>Assessed categories a stage's declared footprint does not give: not covered for that stage, never zero.</summary>
    public List<UncoveredCategory> StageGaps { get; } = [];

    /// <summary>
    /// The elementary flows of one run of a stage from its declared footprint, in each assessed indicator's carrier flow
    /// (so a declared 420 t CO2e counts as 420 t in gwp100 and nowhere else). An assessed indicator the declaration does
    /// not give is warned about and listed as not covered for the stage; an id that is no indicator is an error.
    /// </summary>
    private List<BiosphereExchange> DeclaredFlows(StageDefinition stage)
    {
        var flows = new List<BiosphereExchange>();
        if (stage.Footprint.Count == 0)
        {
            return flows;
        }
        var field = $"stages.{stage.Id}.footprint";
        foreach (var figure in stage.Footprint.Where(f => _indicatorSet.Find(f.IndicatorId) is null))
        {
            _problems.Error("unknown-indicator", figure.Location, $"{field}.{figure.IndicatorId}",
                $"'{figure.IndicatorId}' is not an indicator{Core.NameSuggestions.Hint(figure.IndicatorId, _indicatorSet.Ids)}; the indicators are: {string.Join(", ", _indicatorSet.Ids)}.");
        }
        var repeats = Repeats(stage);
        var declared = string.Join(", ", stage.Footprint.Select(f => f.IndicatorId));
        foreach (var indicator in _indicators)
        {
            var figure = stage.Footprint.FirstOrDefault(f => f.IndicatorId == indicator.Id);
            if (figure is null)
            {
                _problems.Warning("missing-indicator-data", stage.Footprint[0].Location, field,
                    $"the declared footprint gives no '{indicator.Id}' figure: {indicator.Name} of this stage is not counted (an underestimate).");
                StageGaps.Add(new UncoveredCategory(indicator.Id, indicator.Name, indicator.MethodId,
                    $"the declared footprint of stage '{stage.Id}' gives {declared} only") { Stage = stage.Kind });
                continue;
            }
            var name = _parameters.Add(P("stages", stage.Id, "footprint", indicator.Id), figure.Value, indicator.Unit.Dimension,
                $"{indicator.Name} ({indicator.Unit.Symbol}, e.g. '420 t CO2e' for gwp100)");
            flows.Add(new BiosphereExchange(indicator.Flow.Id, repeats == "1" ? name : $"{repeats} * {name}"));
        }
        return flows;
    }
}
