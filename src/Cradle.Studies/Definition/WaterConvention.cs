using Cradle.Syntax;

namespace Cradle.Studies.Definition;

/// <summary>Which energy the site's on-site water use (WUE, L/kWh) multiplies.</summary>
public enum OnsiteWaterBasis
{
    /// <summary>IT energy × WUE: The Green Grid's definition of WUE (litres per kWh of IT energy).</summary>
    ItEnergy,
    /// <summary>IT energy × PUE × WUE (the site's PUE, whether or not PUE is applied to the electricity).</summary>
    FacilityEnergy,
}

/// <summary>Which energy the off-site water factor of electricity generation (L/kWh) multiplies.</summary>
public enum OffsiteWaterBasis
{
    /// <summary>The grid electricity drawn, as counted for carbon (IT × PUE, or IT alone where PUE is not applied).</summary>
    GridElectricity,
    /// <summary>IT energy × the site's PUE, whether or not PUE is applied to the electricity (Li et al. 2023).</summary>
    ItEnergyTimesPue,
}

/// <summary>
/// The water formula of a study or alternative: water = on-site basis × WUE + off-site basis × off-site factor. A named
/// convention (<see cref="Named"/>) stands for one pair of bases; <see cref="Name"/> is null for a pair stated directly.
/// </summary>
/// <param name="Name">The named convention, or null when the bases were stated one by one.</param>
/// <param name="Onsite">What WUE multiplies.</param>
/// <param name="Offsite">What the off-site water factor multiplies.</param>
public sealed record WaterConvention(string? Name, OnsiteWaterBasis Onsite, OffsiteWaterBasis Offsite)
{
    /// <summary>The name of the default convention: Cradle's formula before conventions were selectable.</summary>
    public const string DefaultName = "grid-electricity";

    /// <summary>On-site IT energy × WUE, off-site grid electricity × factor: the default, and what Morrison et al. 2025 apply.</summary>
    public static WaterConvention Default { get; } = new(DefaultName, OnsiteWaterBasis.ItEnergy, OffsiteWaterBasis.GridElectricity);

    /// <summary>
    /// The named conventions, by name (docs/methodology.md, "Water conventions", gives each one's source): the default;
    /// Morrison et al. 2025's (the same formula: water on the same kWh as their carbon); Li et al. 2023's and
    /// EcoLogits' (off-site water on IT energy × PUE, whether or not PUE is applied to the electricity).
    /// </summary>
    public static IReadOnlyDictionary<string, WaterConvention> Named { get; } = new Dictionary<string, WaterConvention>(StringComparer.Ordinal)
    {
        [DefaultName] = Default,
        ["morrison-2025"] = new("morrison-2025", OnsiteWaterBasis.ItEnergy, OffsiteWaterBasis.GridElectricity),
        ["li-2023"] = new("li-2023", OnsiteWaterBasis.ItEnergy, OffsiteWaterBasis.ItEnergyTimesPue),
        ["ecologits"] = new("ecologits", OnsiteWaterBasis.ItEnergy, OffsiteWaterBasis.ItEnergyTimesPue),
    };

    /// <summary>The words for the on-site bases, as written in a study (<c>water_convention.onsite</c>).</summary>
    public static IReadOnlyDictionary<string, OnsiteWaterBasis> OnsiteWords { get; } = new Dictionary<string, OnsiteWaterBasis>(StringComparer.Ordinal)
    {
        ["it-energy"] = OnsiteWaterBasis.ItEnergy,
        ["facility-energy"] = OnsiteWaterBasis.FacilityEnergy,
    };

    /// <summary>The words for the off-site bases, as written in a study (<c>water_convention.offsite</c>).</summary>
    public static IReadOnlyDictionary<string, OffsiteWaterBasis> OffsiteWords { get; } = new Dictionary<string, OffsiteWaterBasis>(StringComparer.Ordinal)
    {
        ["grid-electricity"] = OffsiteWaterBasis.GridElectricity,
        ["it-energy-times-pue"] = OffsiteWaterBasis.ItEnergyTimesPue,
    };

    /// <summary>Where the convention was chosen (the study's <c>water_convention</c> or an alternative's key); null for the default.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>This convention with a basis replaced: unnamed ("stated bases") when a basis changes, this one (and its name) when none does.</summary>
    public WaterConvention With(OnsiteWaterBasis? onsite = null, OffsiteWaterBasis? offsite = null)
    {
        var (newOnsite, newOffsite) = (onsite ?? Onsite, offsite ?? Offsite);
        return newOnsite == Onsite && newOffsite == Offsite ? this : this with { Name = null, Onsite = newOnsite, Offsite = newOffsite };
    }

    /// <summary>The name to show: the named convention, or "stated bases" for a pair stated one by one.</summary>
    public string Label => Name ?? "stated bases";

    /// <summary>On-site water in words: "IT energy × WUE" or "IT energy × PUE × WUE".</summary>
    public string OnsiteFormula => Onsite == OnsiteWaterBasis.ItEnergy ? "IT energy × WUE" : "IT energy × PUE × WUE";

    /// <summary>What the off-site factor multiplies, in words: "grid electricity" or "IT energy × PUE".</summary>
    public string OffsiteBasis => Offsite == OffsiteWaterBasis.GridElectricity ? "grid electricity" : "IT energy × PUE";
}
