using System.Globalization;
using System.Reflection;

namespace Cradle.Catalog.Production;

/// <summary>
/// The ADEME / Hubblo GPU study data shipped in Production/Data/ademe-gpu-lca.csv (CC BY-SA 4.0, credited in NOTICE):
/// the measured cards' totals, the two per-unit factor sets, the transport factors and the published board parameters.
/// Values are indexed by <see cref="ProductionCriterion"/> (GWP, ADPe, TPE, WU).
/// </summary>
internal sealed class AdemeGpuData
{
    /// <summary>The citation every ADEME-based estimate carries.</summary>
    public const string Citation =
        "Lees-Perasso, Ekchajzer, Roussilhe, De Latour (2026), Analyses de cycle de vie de GPU pour l'intelligence artificielle, ADEME; " +
        "data from hubblo-org/gpu-calculator 2308a62, CC BY-SA 4.0";

    private static readonly Lazy<AdemeGpuData> ShippedData = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Cradle.Catalog.Production.ademe-gpu-lca.csv")
            ?? throw new InvalidOperationException("the embedded ademe-gpu-lca.csv is missing from the build");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    });

    private AdemeGpuData(
        Dictionary<string, Dictionary<string, double[]>> factorSets, List<(string Card, double[] Values)> measured,
        List<(string Card, double[] Values)> parametric, List<AdemeCard> cards)
    {
        FactorSets = factorSets;
        Measured = measured;
        Parametric = parametric;
        Cards = cards;
    }

    /// <summary>The data shipped with this build.</summary>
    public static AdemeGpuData Shipped => ShippedData.Value;

    /// <summary>Per-unit factors by set ("table2", "calculator", "transport") and component ("casing", "truck" …).</summary>
    public IReadOnlyDictionary<string, Dictionary<string, double[]>> FactorSets { get; }

    /// <summary>The eight measured cards' totals (cradle-to-grave excluding use).</summary>
    public IReadOnlyList<(string Card, double[] Values)> Measured { get; }

    /// <summary>The study's own parametric estimates (the H100 PCIe 80GB).</summary>
    public IReadOnlyList<(string Card, double[] Values)> Parametric { get; }

    /// <summary>The cards whose board parameters the study published.</summary>
    public IReadOnlyList<AdemeCard> Cards { get; }

    /// <summary>The published board of the catalog accelerator <paramref name="catalogId"/>, or null.</summary>
    public BoardSpec? BoardOf(string catalogId) => Cards.FirstOrDefault(c => c.CatalogId == catalogId)?.Board;

    /// <summary>The card named <paramref name="name"/> (exact study name), or null.</summary>
    public AdemeCard? Card(string name) => Cards.FirstOrDefault(c => c.Name == name);

    internal static AdemeGpuData Parse(string text)
    {
        var sets = new Dictionary<string, Dictionary<string, double[]>>(StringComparer.Ordinal);
        var measured = new List<(string, double[])>();
        var parametric = new List<(string, double[])>();
        var cards = new List<AdemeCard>();
        foreach (var line in text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var cells = line.Split(',');
            if (cells[0] == "set" || cells[1] == "card")
            {
                continue;
            }
            if (cells[0] == "board")
            {
                cards.Add(Board(cells));
                continue;
            }
            var values = cells[3..7].Select(Number).ToArray();
            switch (cells[0])
            {
                case "measured": measured.Add((cells[1], values)); break;
                case "parametric": parametric.Add((cells[1], values)); break;
                default:
                    if (!sets.TryGetValue(cells[0], out var set))
                    {
                        sets[cells[0]] = set = new Dictionary<string, double[]>(StringComparer.Ordinal);
                    }
                    set[cells[1]] = values;
                    break;
            }
        }
        return new AdemeGpuData(sets, measured, parametric, cards);
    }

    private static AdemeCard Board(string[] cells)
    {
        // board,card,catalog_id,total_g,casing_g,heatsink_g,pcb_cm2,vram_gb,vram_dies,vram_die_mm2,gpu_die_mm2
        var board = new BoardSpec(
            Number(cells[3]) / 1000, Number(cells[4]) / 1000, Number(cells[5]) / 1000, Number(cells[6]),
            (int)Number(cells[8]), cells[9].Length == 0 ? null : Number(cells[9]));
        return new AdemeCard(cells[1], cells[2].Length == 0 ? null : cells[2], board, Number(cells[7]), Number(cells[10]));
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}

/// <summary>A card of the ADEME study with its published parameters.</summary>
/// <param name="Name">The study's name, e.g. "NVIDIA A100 SXM4 40GB".</param>
/// <param name="CatalogId">The matching catalog id, or null when the catalog has no such card.</param>
/// <param name="Board">Its board parameters.</param>
/// <param name="MemoryGb">VRAM, GB.</param>
/// <param name="DieAreaMm2">GPU die area without losses, mm².</param>
internal sealed record AdemeCard(string Name, string? CatalogId, BoardSpec Board, double MemoryGb, double DieAreaMm2)
{
    /// <summary>The spec the estimators take.</summary>
    public AcceleratorSpec Spec() => new(Name, CatalogId, DieAreaMm2, MemoryGb, null, null, null, Board);
}
