using Cradle.Results.Json;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Cradle.Runs;
using Cradle.Measure.Efficiency;

namespace Cradle.Cli.Rendering;

/// <summary>Writes <c>cradle runs compare</c>: a table with numbered footnotes for every "–", or JSON (schema cradle.runs-compare/1).</summary>
internal static class RunsCompareRenderer
{
    private const string Dash = "–";

    public static void Table(IReadOnlyList<ComparedRun> rows, GridFactor? grid, TextWriter output)
    {
        if (rows.Count == 0)
        {
            output.WriteLine("No runs to compare: none is complete with a request count (cradle measure --requests N), or name runs.");
            return;
        }
        // One footnote per reason, naming the runs it applies to: 300 imported runs without a precision share one note.
        var reasons = new List<string>();
        var runsByReason = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        string Cell(double? value, string format, string? why, string run)
        {
            if (value is { } v)
            {
                // Four significant digits, but whole numbers from 10,000 up: "367502", not "3.675E+05".
                return Math.Abs(v) >= 1e4 ? v.ToString("0", CultureInfo.InvariantCulture) : v.ToString(format, CultureInfo.InvariantCulture);
            }
            var reason = why ?? "unavailable";
            if (!runsByReason.TryGetValue(reason, out var runs))
            {
                reasons.Add(reason);
                runsByReason[reason] = runs = [];
            }
            if (!runs.Contains(run, StringComparer.Ordinal))
            {
                runs.Add(run);
            }
            return $"{Dash} [{reasons.IndexOf(reason) + 1}]";
        }
        // Columns as wide as their longest value (imported runs have long names and model ids), at least the old widths.
        var runWidth = Math.Max(22, rows.Max(r => Label(r).Length));
        var modelWidth = Math.Max(16, rows.Max(r => (r.Run.Inference.Model ?? "-").Length));
        var coversWidth = Math.Max(6, rows.Max(r => r.Covers.Length));
        output.WriteLine($"{"RUN".PadRight(runWidth)} {"MODEL".PadRight(modelWidth)} {"PRECISION",-9} {"REQUESTS",8} {"J/REQUEST",12} {"G CO2E/REQ",12} {"ESS",10} {"ESS(QF)",10} {"MEASURED",8} {"COVERS".PadRight(coversWidth)}  HARDWARE");
        foreach (var r in rows)
        {
            var i = r.Run.Inference;
            var run = Label(r);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{run.PadRight(runWidth)} {(i.Model ?? "-").PadRight(modelWidth)} {i.Precision ?? "-",-9} {i.Requests?.ToString(CultureInfo.InvariantCulture) ?? "-",8} " +
                $"{Cell(r.EnergyPerRequestJoules, "G4", r.EnergyPerRequestUnavailable, run),12} {Cell(r.Co2ePerRequestGrams, "G4", r.Co2eUnavailable, run),12} " +
                $"{Cell(r.Ess.Value, "G4", r.Ess.Unavailable, run),10} {Cell(r.EssQuantised.Value, "G4", r.EssQuantised.Unavailable, run),10} " +
                $"{(r.MeasuredShare is { } m ? m.ToString("P0", CultureInfo.InvariantCulture) : "-"),8} {r.Covers.PadRight(coversWidth)}  {r.Hardware}"));
        }
        output.WriteLine();
        output.WriteLine("ESS = millions of parameters per g CO2e per request (plain: QF = 1, as ML-EcoLyzer's code; ESS(QF): N × QF from --qf).");
        output.WriteLine("MEASURED = share of the energy from measured sensors (the rest is modelled). See docs/measurement.md 'ESS and comparing runs'.");
        output.WriteLine("COVERS = the parts whose energy is counted (cpu, gpu, memory); no PUE is applied." +
            (rows.Select(r => r.Covers).Distinct(StringComparer.Ordinal).Count() > 1 ? " These runs cover different parts: their figures are not like for like." : ""));
        var imported = rows.Where(r => r.Run.IsImported).ToList();
        if (imported.Count > 0)
        {
            output.WriteLine($"IMPORTED: {imported.Count} of {rows.Count} run(s) were measured by another tool and imported (origin per run in --format json, 'cradle runs show'):");
            foreach (var source in imported.GroupBy(r => Source(r.Run.Origin!)).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var covers = string.Join(", ", source.Select(r => r.Covers).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
                output.WriteLine($"  {source.Key}: {source.Count()} run(s), covering {covers}");
            }
        }
        output.WriteLine(grid is null
            ? "CO2e: no grid factor; give --site ID (a catalog grid, e.g. DE)."
            : string.Create(CultureInfo.InvariantCulture, $"CO2e: grid {grid.SiteId}, {grid.GramsPerKilowattHour:0.###} g CO2e/kWh ({grid.Year}; {grid.Source})."));
        for (var n = 0; n < reasons.Count; n++)
        {
            var runs = runsByReason[reasons[n]];
            output.WriteLine(runs.Count == 1
                ? $"[{n + 1}] {runs[0]}: {reasons[n]}"
                : $"[{n + 1}] {reasons[n]}: {runs.Count} runs ({string.Join(", ", runs.Take(3))}{(runs.Count > 3 ? ", …" : "")})");
        }
    }

    private static string Label(ComparedRun row) => row.Run.Name ?? row.Run.Id;

    /// <summary>The source part of an origin, before its file: "ML.ENERGY leaderboard v2, ml-energy/benchmark 76bf85e9ae15".</summary>
    private static string Source(string origin)
    {
        var colon = origin.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? origin : origin[..colon];
    }

    public static void Json(IReadOnlyList<ComparedRun> rows, GridFactor? grid, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("schema", "cradle.runs-compare/1");
            if (grid is null)
            {
                json.WriteNull("grid");
            }
            else
            {
                json.WriteStartObject("grid");
                json.WriteString("id", grid.SiteId);
                json.WriteNumber("gwp100_g_per_kwh", grid.GramsPerKilowattHour);
                json.WriteNumber("year", grid.Year);
                json.WriteString("source", grid.Source);
                json.WriteEndObject();
            }
            json.WriteStartArray("runs");
            foreach (var r in rows)
            {
                var i = r.Run.Inference;
                json.WriteStartObject();
                json.WriteString("id", r.Run.Name ?? r.Run.Id);
                json.WriteStringOrNull("name", r.Run.Name);
                json.WriteStringOrNull("model", i.Model);
                json.WriteStringOrNull("precision", i.Precision);
                json.WriteStringOrNull("task", i.Task);
                json.WriteNumberOrNull("parameters", i.ParameterCount);
                json.WriteNumberOrNull("requests", i.Requests);
                json.WriteString("hardware", r.Hardware);
                json.WriteString("covers", r.Covers);
                json.WriteStringOrNull("origin", r.Run.Origin);
                json.WriteNumberOrNull("energy_j", r.EnergyJoules);
                json.WriteNumberOrNull("measured_share", r.MeasuredShare);
                json.WriteNumberOrNull("energy_per_request_j", r.EnergyPerRequestJoules);
                json.WriteStringOrNull("energy_per_request_unavailable", r.EnergyPerRequestUnavailable);
                json.WriteNumberOrNull("co2e_per_request_g", r.Co2ePerRequestGrams);
                json.WriteStringOrNull("co2e_per_request_unavailable", r.Co2eUnavailable);
                Score(json, "ess", r.Ess, 1);
                Score(json, "ess_qf", r.EssQuantised, r.QuantisationFactor);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void Score(Utf8JsonWriter json, string name, SustainabilityScore score, double? qf)
    {
        json.WriteStartObject(name);
        json.WriteNumberOrNull("quantisation_factor", qf);
        json.WriteNumberOrNull("millions_of_parameters_per_g_co2e", score.Value);
        json.WriteStringOrNull("unavailable", score.Unavailable);
        json.WriteEndObject();
    }


}
