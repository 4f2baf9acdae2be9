using Cradle.Reports;
using Cradle.Studies.Assessment;

namespace Cradle.Cli.Rendering;

/// <summary>
/// The energy drawn per functional unit (IT at the site, facility after PUE, grid electricity), per scope and in
/// total, as rows of the text table, each scope with the convention its energy was counted under.
/// </summary>
internal static class EnergyTable
{
    /// <summary>Writes the energy rows of <paramref name="a"/>; nothing when it has no energy.</summary>
    public static void Write(AlternativeAssessment a, int labelWidth, int columnWidth, TextWriter writer)
    {
        if (a.Energy.Scopes.Count == 0)
        {
            return;
        }
        void Row(string label, IEnumerable<string> cells) =>
            writer.WriteLine(label.PadRight(labelWidth) + string.Concat(cells.Select(c => " " + c.PadLeft(columnWidth))));
        string[] Cells(double it, double facility, double grid) => [NumberFormat.Format(it), NumberFormat.Format(facility), NumberFormat.Format(grid)];

        Row("Energy drawn per functional unit", [$"IT ({EnergyResult.Unit})", $"facility ({EnergyResult.Unit})", $"grid ({EnergyResult.Unit})"]);
        // With Monte Carlo, each row is followed by its mean and 95 % interval over the draws, as the stage lines of
        // the uncertainty section show the categories'.
        void Band(string indent, EnergyStatistics? u)
        {
            if (u is not null)
            {
                Row($"{indent}Monte Carlo (mean, 95 %)", new[] { u.ItEnergy, u.FacilityEnergy, u.GridElectricity }
                    .Select(s => $"{NumberFormat.Format(s.Mean)} [{NumberFormat.Format(s.P025)}–{NumberFormat.Format(s.P975)}]"));
            }
        }
        Row("total", Cells(a.Energy.ItEnergy, a.Energy.FacilityEnergy, a.Energy.GridElectricity));
        Band("  ", a.Energy.Uncertainty);
        foreach (var scope in a.Energy.Scopes)
        {
            Row("  " + TextFormat.Shorten(scope.Scope == scope.Stage ? scope.Scope : $"{scope.Scope} ({scope.Stage})", labelWidth - 2),
                Cells(scope.ItEnergy, scope.FacilityEnergy, scope.GridElectricity));
            Band("    ", scope.Uncertainty);
            writer.WriteLine($"    {scope.Convention.Brief()}");
        }
        writer.WriteLine();
    }
}
