using System.Globalization;
using Cradle.Catalog.Model;

namespace Cradle.Catalog.Production;

/// <summary>
/// What the production estimators know about one accelerator. Every input may be unknown (null); an estimator that needs
/// a missing input says so instead of guessing.
/// </summary>
/// <param name="Name">Human name, e.g. "NVIDIA H100 SXM5 80GB".</param>
/// <param name="CatalogId">The catalog id when it comes from the catalog, else null.</param>
/// <param name="DieAreaMm2">Area of the main compute die, mm², without manufacturing losses.</param>
/// <param name="MemoryGb">On-package or on-board memory capacity, GB (0 allowed).</param>
/// <param name="MemoryType">"HBM3", "GDDR6" …, as the catalog writes it.</param>
/// <param name="FormFactor">"SXM5", "PCIe", "PCIe (low profile)" …, as the catalog writes it.</param>
/// <param name="ReleaseYear">Year of release.</param>
/// <param name="Board">Board masses and areas for the ADEME parametric model, when published.</param>
/// <param name="Entry">The catalog entry, whose embodied.* figures the catalog estimator reads; null for a bare spec.</param>
public sealed record AcceleratorSpec(
    string Name, string? CatalogId, double? DieAreaMm2, double? MemoryGb, string? MemoryType, string? FormFactor, int? ReleaseYear,
    BoardSpec? Board = null, CatalogEntry? Entry = null)
{
    /// <summary>
    /// The die area (mm², &gt; 0) and memory (GB, ≥ 0) that the die-area models need, or, when one is missing, the result
    /// of <paramref name="estimator"/> saying which (never a zero standing in for it).
    /// </summary>
    internal ProductionResult? MissingDieOrMemory(string estimator, out double dieMm2, out double memoryGb)
    {
        (dieMm2, memoryGb) = (DieAreaMm2 ?? 0, MemoryGb ?? 0);
        if (DieAreaMm2 is not > 0)
        {
            return ProductionResult.CannotEstimate(estimator, $"no GPU die area for '{Name}'");
        }

        return MemoryGb is not >= 0 ? ProductionResult.CannotEstimate(estimator, $"no memory capacity for '{Name}'") : null;
    }

    /// <summary>
    /// The spec of a catalog accelerator: die_area_mm2, memory_gb, memory_type, form_factor and released from its
    /// attributes; the board from the ADEME / Hubblo data when that study published this card's parameters.
    /// </summary>
    public static AcceleratorSpec FromCatalog(CatalogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new AcceleratorSpec(
            entry.Name, entry.Id, Number(entry, "die_area_mm2"), Number(entry, "memory_gb"), entry.Attributes.GetValueOrDefault("memory_type"),
            entry.Attributes.GetValueOrDefault("form_factor"), (int?)Number(entry, "released"), AdemeGpuData.Shipped.BoardOf(entry.Id), entry);
    }

    private static double? Number(CatalogEntry entry, string attribute) =>
        entry.Attributes.TryGetValue(attribute, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value : null;
}
