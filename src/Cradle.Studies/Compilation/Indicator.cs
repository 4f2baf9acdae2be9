using Cradle.Catalog;
using Cradle.Core.Model;
using Cradle.Core.Units;

namespace Cradle.Studies.Compilation;

/// <summary>
/// An indicator a study can assess: an impact category of one of the catalog's methods (IPCC AR6, TRACI 2.1, Cradle's
/// resource indicators) with its real characterisation factors, plus the flow that carries per-unit figures a study
/// or the catalog gives already characterised ("164 kg CO2e to make a GPU"): the explicit aggregated flow of the
/// category, or the elementary flow itself for water consumed and primary energy.
/// </summary>
/// <param name="Id">Id used in studies, e.g. "gwp100".</param>
/// <param name="Name">Category name in results.</param>
/// <param name="Unit">Indicator unit.</param>
/// <param name="Flow">The flow per-unit figures are counted in, with factor 1 in <paramref name="Category"/>.</param>
/// <param name="Category">The category with every factor of its method.</param>
/// <param name="MethodId">The catalog method it comes from.</param>
public sealed record Indicator(string Id, string Name, Unit Unit, ElementaryFlow Flow, ImpactCategory Category, string MethodId);

/// <summary>The indicators of a catalog's methods, and the pollutant flows grid figures may add.</summary>
public sealed class IndicatorSet
{
    /// <summary>Grid pollutant figures (emissions.*) that become elementary flows. Greenhouse gases are left out on purpose:
    /// a grid's gwp100 factor already counts them, and adding them again would count them twice.</summary>
    private static readonly Dictionary<string, string> PollutantFlows = new(StringComparer.Ordinal)
    {
        ["so2"] = "so2-air",
        ["nox"] = "nox-air",
        ["pm25"] = "pm25-air",
    };

    private IndicatorSet(IReadOnlyList<Indicator> all, IReadOnlyList<ElementaryFlow> flows)
    {
        All = all;
        Flows = flows;
    }

    /// <summary>Every indicator, in method order.</summary>
    public IReadOnlyList<Indicator> All { get; }

    /// <summary>Every flow of the catalog's methods.</summary>
    public IReadOnlyList<ElementaryFlow> Flows { get; }

    /// <summary>The ids, for suggestions.</summary>
    public IEnumerable<string> Ids => All.Select(i => i.Id);

    /// <summary>The pollutants a grid's <c>emissions</c> may give.</summary>
    public static IEnumerable<string> Pollutants => PollutantFlows.Keys;

    /// <summary>Builds the indicators from the catalog's methods; a category whose carrier flow is missing is skipped.</summary>
    public static IndicatorSet From(ReferenceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var flows = catalog.Flows.ToDictionary(f => f.Id, StringComparer.Ordinal);
        var indicators = new List<Indicator>();
        foreach (var method in catalog.Methods)
        {
            foreach (var category in method.Method.Categories)
            {
                var carrier = category.Id switch
                {
                    "water" => "water-consumed",
                    "primary-energy" => "primary-energy",
                    _ => $"aggregated-{category.Id}",
                };
                if (flows.TryGetValue(carrier, out var flow) && category.Factors.GetValueOrDefault(carrier) == 1 && indicators.All(i => i.Id != category.Id))
                {
                    indicators.Add(new Indicator(category.Id, category.Name, category.Unit, flow, category, method.Method.Id));
                }
            }
        }
        return new IndicatorSet(indicators, catalog.Flows);
    }

    /// <summary>The indicator with this id, or null.</summary>
    public Indicator? Find(string id) => All.FirstOrDefault(i => i.Id == id);

    /// <summary>The elementary flow a grid pollutant figure becomes, or null.</summary>
    public static string? PollutantFlow(string pollutant) => PollutantFlows.GetValueOrDefault(pollutant);
}
