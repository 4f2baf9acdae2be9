using System.Globalization;
using Cradle.Trends.Assessment;
using Cradle.Trends.Study;

namespace Cradle.Cli.Trends;

/// <summary>
/// One CSV row per model and scenario: identity, energy basis, grid, and for each indicator the central value, median
/// and band of use, production and total, with the production's source or why there is none. Empty cells for
/// figures that do not exist, never 0.
/// </summary>
internal static class TrendsCsv
{
    /// <summary>Writes the file.</summary>
    public static void Write(TrendStudyResult study, TextWriter writer)
    {
        var header = new List<string> { "scenario", "model", "organization", "line", "publication_date", "device", "device_count", "training_hours", "energy_basis", "grid" };
        foreach (var indicator in Indicators.All)
        {
            var key = indicator.Key();
            foreach (var phase in new[] { "use", "production", "total" })
            {
                header.AddRange([$"{key}_{phase}_central", $"{key}_{phase}_median", $"{key}_{phase}_low", $"{key}_{phase}_high"]);
            }

            header.AddRange([$"{key}_unit", $"{key}_production_source", $"{key}_production_unavailable"]);
        }

        writer.WriteLine(string.Join(',', header));
        foreach (var scenario in study.Scenarios)
        {
            foreach (var m in scenario.Models)
            {
                var cells = new List<string>
                {
                    scenario.Scenario.Id, m.Model, m.Organization ?? "", Number(m.Line), m.PublicationDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    m.DeviceId, Number(m.DeviceCount), Number(m.TrainingHours), m.EnergyBasis, m.GridId,
                };
                foreach (var indicator in Indicators.All)
                {
                    var r = m.Result(indicator);
                    foreach (var band in new[] { r.Use, r.Production, r.Total })
                    {
                        cells.AddRange(band is null ? ["", "", "", ""] : [Number(band.Central), Number(band.Median), Number(band.Low), Number(band.High)]);
                    }

                    cells.AddRange([r.Unit, r.ProductionSource ?? "", r.ProductionUnavailable ?? ""]);
                }

                writer.WriteLine(string.Join(',', cells.Select(Quote)));
            }
        }
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    // RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled. A cell that a spreadsheet would
    // run as a formula (=, +, -, @ first) gets a leading apostrophe: model names come from a third-party file.
    private static string Quote(string cell)
    {
        if (cell.Length > 0 && "=+-@".Contains(cell[0], StringComparison.Ordinal) && !double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            cell = "'" + cell;
        }

        return cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }
}
