using System.Globalization;

namespace Cradle.Catalog.Production;

/// <summary>
/// The ADEME / Hubblo parametric model (GPU-PRODUCTION.md A3.3): casing, heatsink, PCB, effective GPU-die and VRAM areas,
/// upstream transport, distribution and end of life, each times its per-unit factor. Needs die area and memory; the board
/// comes from <see cref="AcceleratorSpec.Board"/> or, labelled in the note, from <see cref="BoardProxies"/>.
/// </summary>
internal sealed class AdemeParametricEstimator(AdemeGpuData data, AdemeParametricOptions options) : IAcceleratorProductionEstimator
{
    /// <summary>mm² of VRAM die per GB when the die area is not published (mean of the study's three HBM2 cards, A3.2).</summary>
    public const double DefaultVramMm2PerGb = 15.5;

    /// <summary>
    /// Lognormal GSD per criterion: GWP and PE 1.8 (A6's suggestion for the parametric model); ADPe and water 1.95 (the
    /// catalog's accelerator default, data-sources.md). Each covers, in its 90 % interval, every measured card's
    /// ratio to the "ademe-parametric" value (docs/production.md, validation).
    /// </summary>
    public static readonly IReadOnlyDictionary<ProductionCriterion, double> GeometricSd = new Dictionary<ProductionCriterion, double>
    {
        [ProductionCriterion.Gwp100] = 1.8,
        [ProductionCriterion.Adpe] = 1.95,
        [ProductionCriterion.PrimaryEnergy] = 1.8,
        [ProductionCriterion.WaterUse] = 1.95,
    };

    public string Name => options.Name;

    public string Description => options.Description;

    public ProductionResult Estimate(AcceleratorSpec accelerator)
    {
        ArgumentNullException.ThrowIfNull(accelerator);
        if (accelerator.MissingDieOrMemory(Name, out var die, out var memory) is { } missing)
        {
            return missing;
        }
        string? why = null;
        var board = accelerator.Board ?? BoardProxies.For(data, accelerator, out why);
        if (board is null)
        {
            return ProductionResult.CannotEstimate(Name, why ?? "no board parameters");
        }
        var factors = data.FactorSets[options.FactorSet];
        var transport = data.FactorSets["transport"];
        var gpuArea = Effective(die);
        var vramArea = VramArea(board, memory);
        var impacts = ProductionCriteria.All.Select(c =>
        {
            var i = (int)c;
            var value = (board.CasingMassKg * factors["casing"][i]) + (board.HeatsinkMassKg * factors["heatsink"][i])
                + (board.PcbAreaCm2 * factors["printed_wiring_board"][i]) + (gpuArea * factors["graphics_processing_unit"][i])
                + (vramArea * factors["video_ram"][i])
                + (board.CardMassKg * (factors["upstream_transport"][i] + factors["end_of_life"][i]))
                + (board.CardMassKg * ((options.BoatKm * transport["boat"][i]) + (options.TruckKm * transport["truck"][i]) + (options.PlaneKm * transport["plane"][i])));
            return new ProductionImpact(c, value, GeometricSd[c]);
        }).ToList();
        var note = string.Create(CultureInfo.InvariantCulture,
            $"factor set {options.FactorSet}, {options.Loss} losses, VRAM basis {options.Memory}; effective GPU die {gpuArea:0.#} mm², VRAM {vramArea:0.#} mm²; board {(board.ProxyOf is null ? "published" : $"proxy: {board.ProxyOf}")}");
        return ProductionResult.Of(new ProductionEstimate(
            Name, impacts, AdemeGpuData.Citation, "cradle-to-grave excluding use (materials, manufacturing, distribution, end of life)", note));
    }

    /// <summary>Effective VRAM area the memory factor multiplies, mm² (0 when the card has no memory).</summary>
    internal double VramArea(BoardSpec board, double memoryGb)
    {
        if (memoryGb == 0)
        {
            return 0;
        }
        var dieArea = board.MemoryDieAreaMm2 ?? (memoryGb * DefaultVramMm2PerGb / board.MemoryDies);
        var dies = options.Memory switch
        {
            MemoryAreaBasis.OneDie => 1,
            MemoryAreaBasis.Calculator => board.MemoryDieAreaMm2 is null ? board.MemoryDies : 1,
            _ => board.MemoryDies,
        };
        return dies * Effective(dieArea);
    }

    private double Effective(double areaMm2) => options.Loss == DieLossModel.Murphy ? DieYield.Murphy(areaMm2) : DieYield.CircularWafer(areaMm2);
}
