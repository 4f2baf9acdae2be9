using Cradle.Interchange.Reading;
using Cradle.Studies.Compilation;

namespace Cradle.Interchange.Background;

/// <summary>
/// The catalog's characterisation factors over a list of database elementary flows, per indicator: c of λ = c B s,
/// built once and used for the stated solve and every realisation. A flow no indicator characterises is listed.
/// </summary>
internal sealed class IndicatorFactors
{
    private IndicatorFactors(IReadOnlyDictionary<string, double[]> byIndicator, bool[] characterised)
    {
        ByIndicator = byIndicator;
        Characterised = characterised;
    }

    /// <summary>Indicator id → factor per flow (0 where the flow has none); only indicators some flow reaches.</summary>
    public IReadOnlyDictionary<string, double[]> ByIndicator { get; }

    /// <summary>Per flow: whether any indicator characterises it.</summary>
    public IReadOnlyList<bool> Characterised { get; }

    public static IndicatorFactors For(BackgroundDatabase database, IReadOnlyList<BackgroundFlow> flows, IndicatorSet indicators)
    {
        var byIndicator = new SortedDictionary<string, double[]>(StringComparer.Ordinal);
        var characterised = new bool[flows.Count];
        for (var f = 0; f < flows.Count; f++)
        {
            if (CatalogFlowMapping.Match(database, flows[f], indicators.Flows, out _) is not { } match)
            {
                continue;
            }
            foreach (var indicator in indicators.All)
            {
                if (indicator.Category.Factors.TryGetValue(match.CatalogFlow, out var factor))
                {
                    if (!byIndicator.TryGetValue(indicator.Id, out var c))
                    {
                        byIndicator[indicator.Id] = c = new double[flows.Count];
                    }
                    c[f] = factor * match.UnitFactor;
                    characterised[f] = true;
                }
            }
        }
        return new IndicatorFactors(byIndicator, characterised);
    }

    /// <summary>The scores of an inventory (amount per flow), for the indicators that some flow of the inventory reaches.</summary>
    public IReadOnlyDictionary<string, double> Score(ReadOnlySpan<double> inventory)
    {
        var scores = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (id, c) in ByIndicator)
        {
            var (sum, reached) = (0.0, false);
            for (var f = 0; f < c.Length; f++)
            {
                if (c[f] != 0 && inventory[f] != 0)
                {
                    sum += c[f] * inventory[f];
                    reached = true;
                }
            }
            if (reached)
            {
                scores[id] = sum;
            }
        }
        return scores;
    }
}
