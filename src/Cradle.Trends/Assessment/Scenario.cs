using System.Globalization;

namespace Cradle.Trends.Assessment;

/// <summary>
/// A what-if applied to every model's training. Factors multiply the baseline: <see cref="EnergyFactor"/> the
/// electricity (more efficient hardware doing the same work), <see cref="CarbonIntensityFactor"/> the grid's GWP per
/// kWh only (carbon-aware scheduling picks low-carbon hours; nothing says the ADPe or PE per kWh of those hours is
/// lower, so they are left as they are — MLCA's intensity_ratio scales all three alike, which we do not follow).
/// Production impacts are unchanged by every scenario: the same devices are used for the same time.
/// </summary>
/// <param name="Id">Short id for files and columns ("baseline", "shift-se", "carbon-aware-30", "hardware-x0.5").</param>
/// <param name="Description">One sentence for reports.</param>
/// <param name="ShiftToGrids">Null: each model's own grid. One grid id: all training moved there. Several: moved to the one with the lowest GWP per kWh (default estimate).</param>
/// <param name="CarbonIntensityFactor">Multiplies GWP per kWh, 0 &lt; f ≤ 1.</param>
/// <param name="EnergyFactor">Multiplies electricity, &gt; 0.</param>
public sealed record Scenario(string Id, string Description, IReadOnlyList<string>? ShiftToGrids, double CarbonIntensityFactor, double EnergyFactor)
{
    /// <summary>Each model at its organisation's country grid, as Epoch's data say.</summary>
    public static Scenario Baseline { get; } = new("baseline", "each model trained on its organisation's country grid (proxy)", null, 1, 1);

    /// <summary>All training moved to <paramref name="gridIds"/>: to that grid, or to the lowest-carbon of several.</summary>
    public static Scenario LocationShift(params string[] gridIds)
    {
        ArgumentNullException.ThrowIfNull(gridIds);
        if (gridIds.Length == 0 || gridIds.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("name at least one grid id, e.g. 'se'.", nameof(gridIds));
        }
        return gridIds.Length == 1
            ? new($"shift-{gridIds[0]}", $"all training moved to grid {gridIds[0]}", gridIds, 1, 1)
            : new($"shift-lowest-of-{string.Join('-', gridIds)}", $"all training moved to the lowest-carbon of {string.Join(", ", gridIds)}", gridIds, 1, 1);
    }

    /// <summary>Carbon-aware scheduling lowering the GWP per kWh by <paramref name="reduction"/> (0 ≤ r &lt; 1; 0.3 = 30 % less).</summary>
    public static Scenario CarbonAware(double reduction)
    {
        if (!(reduction is >= 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(reduction), reduction, "a reduction is a fraction from 0 to below 1, e.g. 0.3 for 30 %.");
        }
        var percent = (reduction * 100).ToString("0.##", CultureInfo.InvariantCulture);
        return new($"carbon-aware-{percent}", $"carbon-aware scheduling: GWP per kWh {percent} % lower", null, 1 - reduction, 1);
    }

    /// <summary>More efficient hardware: the same training with <paramref name="energyFactor"/> × the electricity (0 &lt; f; 0.5 = half).</summary>
    public static Scenario EfficientHardware(double energyFactor)
    {
        if (!(energyFactor > 0 && double.IsFinite(energyFactor)))
        {
            throw new ArgumentOutOfRangeException(nameof(energyFactor), energyFactor, "an energy factor is positive, e.g. 0.5 for half the electricity.");
        }
        var text = energyFactor.ToString("0.###", CultureInfo.InvariantCulture);
        return new($"hardware-x{text}", $"more efficient hardware: electricity × {text}, production unchanged", null, 1, energyFactor);
    }
}
