using System.Globalization;

namespace Cradle.Catalog.Production;

/// <summary>
/// The MLCA graphics-card model (Morand, Ligozat, Névéol, ICT4S 2024; GPU-PRODUCTION.md A2), written from its published
/// figures (the MLCA code is AGPL-3.0 and was not copied): per criterion, impact = die area (cm²) × die factor + card base
/// + (memory GB ÷ DRAM density GB/cm²) × DRAM area factor + DRAM base; the memory terms are skipped for 0 GB.
/// Cradle-to-gate; GWP, ADPe (MLCA's ADP) and primary energy.
/// </summary>
public sealed class MlcaEstimator : IAcceleratorProductionEstimator
{
    /// <summary>MLCA's default DRAM density, GB per cm² of DRAM die (Samsung 30 nm, the highest-impact row; A2.2).</summary>
    public const double DefaultDensityGbPerCm2 = 0.625;

    /// <summary>The density GA-data (Green Algorithms v4) uses, GB/cm² (A2.2).</summary>
    public const double GaDataDensityGbPerCm2 = 1.8762;

    private const string Citation =
        "Morand, Ligozat, Névéol (2024), MLCA: a tool for Machine Learning Life Cycle Assessment, ICT4S 2024 (hal-04643414); " +
        "factors of blubrom/MLCA d2d8a42 (Gröger et al. 2021 die and DRAM factors, Loubet et al. 2023 card base), cited";

    // Per criterion: die factor per cm², card base, DRAM factor per cm² of DRAM die, DRAM base (GPU-PRODUCTION.md A2.1).
    private static readonly Dictionary<ProductionCriterion, (double Die, double Base, double Dram, double DramBase)> Factors = new()
    {
        [ProductionCriterion.Gwp100] = (1.97, 26.97, 2.20, 5.22),
        [ProductionCriterion.Adpe] = (5.80e-7, 0.01707, 6.30e-5, 1.69e-3),
        [ProductionCriterion.PrimaryEnergy] = (26.50, 156.00, 27.30, 74.00),
    };

    // GWP and PE 1.8 (A6); ADPe 3.7: MLCA's ADP is 2.8–8.5× the measured ADPe (A3.7), and exp(ln 8.53 / 1.645) = 3.68 puts
    // the worst card inside the 90 % interval.
    private static readonly Dictionary<ProductionCriterion, double> Gsd = new()
    {
        [ProductionCriterion.Gwp100] = 1.8,
        [ProductionCriterion.Adpe] = 3.7,
        [ProductionCriterion.PrimaryEnergy] = 1.8,
    };

    /// <summary>An MLCA estimator named <paramref name="name"/> at DRAM density <paramref name="densityGbPerCm2"/> (0.1–10 GB/cm²).</summary>
    public MlcaEstimator(string name = "mlca", double densityGbPerCm2 = DefaultDensityGbPerCm2)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(densityGbPerCm2, 0.1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(densityGbPerCm2, 10);
        Name = name;
        DensityGbPerCm2 = densityGbPerCm2;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>DRAM density used for the memory term, GB per cm² of DRAM die.</summary>
    public double DensityGbPerCm2 { get; }

    /// <inheritdoc/>
    public string Description => string.Create(CultureInfo.InvariantCulture, $"MLCA die-area model (die + card base + memory at {DensityGbPerCm2} GB/cm²)");

    /// <inheritdoc/>
    public ProductionResult Estimate(AcceleratorSpec accelerator)
    {
        ArgumentNullException.ThrowIfNull(accelerator);
        if (accelerator.MissingDieOrMemory(Name, out var die, out var memory) is { } missing)
        {
            return missing;
        }
        var impacts = ProductionCriteria.All.Where(Factors.ContainsKey).Select(c =>
        {
            var f = Factors[c];
            var memoryTerm = memory == 0 ? 0 : (memory / DensityGbPerCm2 * f.Dram) + f.DramBase;
            return new ProductionImpact(c, (die / 100 * f.Die) + f.Base + memoryTerm, Gsd[c]);
        }).ToList();
        var note = string.Create(CultureInfo.InvariantCulture, $"die {die} mm², memory {memory} GB at {DensityGbPerCm2} GB/cm²");
        return ProductionResult.Of(new ProductionEstimate(Name, impacts, Citation, "cradle-to-gate", note));
    }
}
