using System.Globalization;
using Cradle.Results;

namespace Cradle.Reports.Rendering;

/// <summary>
/// The cells of an energy row in the reports: the value, and with Monte Carlo its mean and 95 % interval over the
/// draws, written as the categories' uncertainty is ("value (mean m [p2.5, p97.5])").
/// </summary>
internal static class EnergyCells
{
    /// <summary>IT, facility and grid cells (kWh), plain text, not yet escaped.</summary>
    public static string[] Of(double it, double facility, double grid, EnergyStats? uncertainty) => uncertainty is null
        ? [NumberFormat.Format(it), NumberFormat.Format(facility), NumberFormat.Format(grid)]
        : [Cell(it, uncertainty.ItEnergy), Cell(facility, uncertainty.FacilityEnergy), Cell(grid, uncertainty.GridElectricity)];

    /// <summary>The sentence under the table that says what the brackets are.</summary>
    public static string Note(int iterations) => string.Create(CultureInfo.InvariantCulture,
        $"In brackets: the mean and the 95 % interval (2.5–97.5 %) over {iterations:N0} Monte Carlo draws, the same draws as the categories'.");

    private static string Cell(double value, Stats s) =>
        $"{NumberFormat.Format(value)} (mean {NumberFormat.Format(s.Mean)} [{NumberFormat.Format(s.P025)}, {NumberFormat.Format(s.P975)}])";
}
