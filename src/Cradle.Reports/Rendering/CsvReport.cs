using System.Globalization;
using Cradle.Results;

namespace Cradle.Reports.Rendering;

/// <summary>
/// Per-stage, per-category results as CSV for spreadsheets: one row per alternative, stage and category, full
/// precision, a decimal point whatever the culture (RFC 4180 quoting), "not covered" in the value column where a stage's
/// declared footprint does not give the category; then the energy drawn, per scope and in total.
/// </summary>
public static class CsvReport
{
    /// <summary>Writes <paramref name="model"/>.</summary>
    public static void Write(AssessmentResults model, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("alternative,stage,category,unit,value,share,mc_mean,mc_p2_5,mc_p97_5");
        foreach (var a in model.Alternatives)
        {
            var rows = a.Stages.Select(s => (s.Stage, s.Values, (IReadOnlyList<double>?)s.Shares, Band: a.Uncertainty?.Stages.FirstOrDefault(u => u.Stage == s.Stage).Values))
                .Append(("total", a.Totals, null, a.Uncertainty?.Totals));
            foreach (var (stage, values, shares, band) in rows)
            {
                for (var k = 0; k < a.Categories.Count; k++)
                {
                    if (values[k] == 0 && shares is not null && a.IsNotCovered(stage, a.Categories[k].Id))
                    {
                        // A category the stage's declared footprint does not give: text in the value column, so a
                        // spreadsheet's sum skips it instead of adding a zero; no share, no band.
                        writer.WriteLine(string.Join(',', Field(a.Title), Field(stage), Field(a.Categories[k].Id), Field(a.Categories[k].Unit), "not covered", "", "", "", ""));
                        continue;
                    }
                    writer.WriteLine(string.Join(',',
                        Field(a.Title), Field(stage), Field(a.Categories[k].Id), Field(a.Categories[k].Unit), Number(values[k]),
                        shares is null ? "1" : Number(shares[k]),
                        band is null ? "" : Number(band[k].Mean), band is null ? "" : Number(band[k].P025), band is null ? "" : Number(band[k].P975)));
                }
            }
            WriteEnergy(a, writer);
        }
    }

    /// <summary>
    /// The energy drawn as rows of their own, next to the categories: per scope and in total, "category"
    /// it_energy, facility_energy and grid_electricity in kWh (no share; the Monte Carlo band when the results have one).
    /// </summary>
    private static void WriteEnergy(AlternativeResults a, TextWriter writer)
    {
        if (a.Energy is not { } energy || energy.Scopes.Count == 0)
        {
            return;
        }
        var rows = energy.Scopes.Select(s => (s.Label, s.ItEnergy, s.FacilityEnergy, s.GridElectricity, s.Uncertainty))
            .Append(("total", energy.ItEnergy, energy.FacilityEnergy, energy.GridElectricity, energy.Uncertainty));
        foreach (var (stage, it, facility, grid, u) in rows)
        {
            foreach (var (name, value, band) in new[] { ("it_energy", it, u?.ItEnergy), ("facility_energy", facility, u?.FacilityEnergy), ("grid_electricity", grid, u?.GridElectricity) })
            {
                writer.WriteLine(string.Join(',', Field(a.Title), Field(stage), name, EnergyResults.Unit, Number(value), "",
                    band is null ? "" : Number(band.Mean), band is null ? "" : Number(band.P025), band is null ? "" : Number(band.P975)));
            }
        }
    }

    private static string Number(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Field(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
}
