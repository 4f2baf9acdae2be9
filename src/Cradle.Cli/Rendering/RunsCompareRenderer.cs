using Cradle.Results.Json;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Cradle.Cli.Runs;
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
        var notes = new List<string>();
        string Cell(double? value, string format, string? why, string run)
        {
            if (value is { } v)
            {
                // Four significant digits, but whole numbers from 10,000 up: "367502", not "3.675E+05".
                return Math.Abs(v) >= 1e4 ? v.ToString("0", CultureInfo.InvariantCulture) : v.ToString(format, CultureInfo.InvariantCulture);
            }
            var note = $"{run}: {why ?? "unavailable"}";
            var index = notes.IndexOf(note);
            if (index < 0)
            {
                notes.Add(note);
                index = notes.Count - 1;
            }
            return $"{Dash} [{index + 1}]";
        }
        output.WriteLine($"{"RUN",-22} {"MODEL",-16} {"PRECISION",-9} {"REQUESTS",8} {"J/REQUEST",12} {"G CO2E/REQ",12} {"ESS",10} {"ESS(QF)",10} {"MEASURED",8}  HARDWARE");
        foreach (var r in rows)
        {
            var i = r.Run.Inference;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Run.Name ?? r.Run.Id,-22} {i.Model ?? "-",-16} {i.Precision ?? "-",-9} {i.Requests?.ToString(CultureInfo.InvariantCulture) ?? "-",8} " +
                $"{Cell(r.EnergyPerRequestJoules, "G4", r.EnergyPerRequestUnavailable, r.Run.Name ?? r.Run.Id),12} {Cell(r.Co2ePerRequestGrams, "G4", r.Co2eUnavailable, r.Run.Name ?? r.Run.Id),12} " +
                $"{Cell(r.Ess.Value, "G4", r.Ess.Unavailable, r.Run.Name ?? r.Run.Id),10} {Cell(r.EssQuantised.Value, "G4", r.EssQuantised.Unavailable, r.Run.Name ?? r.Run.Id),10} " +
                $"{(r.MeasuredShare is { } m ? m.ToString("P0", CultureInfo.InvariantCulture) : "-"),8}  {r.Hardware}"));
        }
        output.WriteLine();
        output.WriteLine("ESS = millions of parameters per g CO2e per request (plain: QF = 1, as ML-EcoLyzer's code; ESS(QF): N × QF from --qf).");
        output.WriteLine("MEASURED = share of the energy from measured sensors (the rest is modelled). See docs/measurement.md 'ESS and comparing runs'.");
        output.WriteLine(grid is null
            ? "CO2e: no grid factor; give --site ID (a catalog grid, e.g. DE)."
            : string.Create(CultureInfo.InvariantCulture, $"CO2e: grid {grid.SiteId}, {grid.GramsPerKilowattHour:0.###} g CO2e/kWh ({grid.Year}; {grid.Source})."));
        for (var n = 0; n < notes.Count; n++)
        {
            output.WriteLine($"[{n + 1}] {notes[n]}");
        }
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
