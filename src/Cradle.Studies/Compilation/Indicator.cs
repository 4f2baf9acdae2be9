using Cradle.Core.Model;
using Cradle.Core.Units;

namespace Cradle.Studies.Compilation;

/// <summary>
/// An indicator a study can give figures for (per kWh of a grid, per manufactured device). Until the reference
/// catalog ships full characterisation methods, each indicator is carried by one flow counted with factor 1 in its
/// category: an explicit aggregated flow for characterised figures (kg CO2 eq), the elementary flow itself for
/// water consumed and primary energy.
/// </summary>
/// <param name="Id">Id used in studies, e.g. "gwp100".</param>
/// <param name="Name">Category name in results.</param>
/// <param name="Unit">Indicator unit.</param>
/// <param name="Aggregated">True when the flow is an already characterised figure rather than an elementary flow.</param>
public sealed record Indicator(string Id, string Name, Unit Unit, bool Aggregated)
{
    /// <summary>The flow that carries this indicator.</summary>
    public ElementaryFlow Flow => new($"flow:{Id}", Aggregated ? $"{Name} (aggregated, characterised)" : Name,
        Aggregated ? "aggregated" : Id == "water" ? "water, consumed" : "resource", Unit, Aggregated);

    /// <summary>The category with its single factor.</summary>
    public ImpactCategory Category => new(Id, Name, Unit, new Dictionary<string, double> { [Flow.Id] = 1.0 });
}

/// <summary>The indicators studies can use.</summary>
public static class Indicators
{
    /// <summary>All of them, in reporting order.</summary>
    public static IReadOnlyList<Indicator> All { get; } =
    [
        new("gwp100", "Climate change, GWP100", KnownUnits.KilogramCo2Eq, true),
        new("gwp20", "Climate change, GWP20", KnownUnits.KilogramCo2Eq, true),
        new("water", "Water consumption", KnownUnits.Litre, false),
        new("primary-energy", "Primary energy", KnownUnits.Megajoule, false),
        new("adpe", "Abiotic depletion, elements", KnownUnits.KilogramSbEq, true),
        new("acidification", "Acidification (TRACI 2.1)", UnitParser.Parse("kg SO2 eq"), true),
        new("eutrophication", "Eutrophication (TRACI 2.1)", UnitParser.Parse("kg N eq"), true),
        new("smog", "Smog formation (TRACI 2.1)", UnitParser.Parse("kg O3 eq"), true),
        new("ozone-depletion", "Ozone depletion (TRACI 2.1)", UnitParser.Parse("kg CFC-11 eq"), true),
        new("respiratory-effects", "Respiratory effects, PM2.5 (TRACI 2.1)", UnitParser.Parse("kg PM2.5 eq"), true),
    ];

    /// <summary>The indicator with this id, or null.</summary>
    public static Indicator? Find(string id) => All.FirstOrDefault(i => i.Id == id);

    /// <summary>The ids, for suggestions.</summary>
    public static IEnumerable<string> Ids => All.Select(i => i.Id);
}
