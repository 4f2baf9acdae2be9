using System.Globalization;
using System.Text;
using System.Text.Json;
using Cradle.Import.Slurm;

namespace Cradle.Cli.Importing;

/// <summary>Writes the summary of <c>cradle import slurm</c>: per file, jobs imported and skipped, device-hours, energy by
/// provenance; the skipped records line by line; the assumptions.</summary>
internal static class SlurmImportRenderer
{
    public static void Text(SlurmImportReport report, TextWriter output)
    {
        foreach (var file in report.Files)
        {
            var r = file.Result;
            output.WriteLine($"{r.File} ({r.Format}, sha256 {r.Sha256[..12]}): " +
                (file.Refused is null ? $"{Count(r.Runs.Count, "job")} imported as runs" : "nothing imported (a record is already in the store)") +
                $", {Count(r.Skipped.Count, "record")} skipped");
            var jobs = r.Jobs;
            output.WriteLine(Invariant($"  allocated: {Hours(jobs.Sum(j => j.GpuHours))} GPU-hours, {Hours(jobs.Sum(j => j.CpuHours ?? 0))} CPU-hours") +
                (jobs.Any(j => j.CpuHours is null) ? $" ({Count(jobs.Count(j => j.CpuHours is null), "job")} without a CPU count)" : ""));
            Energy(output, jobs, "measured", "measured by Slurm energy accounting");
            Energy(output, jobs, "modelled", "modelled from the catalog (assumptions below)");
            var none = jobs.Count(j => j.EnergyJoules is null);
            if (none > 0)
            {
                output.WriteLine($"  energy unavailable for {Count(none, "job")} (CPU only, no --cpu): kept as CPU-hours, not 0 J");
            }
            foreach (var s in r.Skipped)
            {
                output.WriteLine($"  skipped {s}");
            }
        }
        output.WriteLine("Assumptions:");
        foreach (var a in report.Assumptions())
        {
            output.WriteLine($"  - {a}");
        }
        output.WriteLine($"Store: {report.StorePath}; 'cradle runs list' lists the runs.");
    }

    public static void Json(SlurmImportReport report, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("schema", "cradle.import-slurm/1");
            json.WriteString("store", report.StorePath);
            json.WriteStartArray("files");
            foreach (var file in report.Files)
            {
                WriteFile(json, file);
            }
            json.WriteEndArray();
            json.WriteStartArray("assumptions");
            foreach (var a in report.Assumptions())
            {
                json.WriteStringValue(a);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteFile(Utf8JsonWriter json, SlurmFileOutcome file)
    {
        var r = file.Result;
        json.WriteStartObject();
        json.WriteString("file", r.File);
        json.WriteString("format", r.Format);
        json.WriteString("sha256", r.Sha256);
        json.WriteBoolean("imported", file.Refused is null);
        if (file.Refused is { } refused)
        {
            json.WriteString("refused", refused);
        }
        json.WriteStartArray("jobs");
        for (var i = 0; i < r.Jobs.Count; i++)
        {
            var j = r.Jobs[i];
            json.WriteStartObject();
            json.WriteString("job_id", j.JobId);
            if (file.Refused is null)
            {
                json.WriteString("run_id", file.RunIds[i]);
            }
            json.WriteString("where", j.Where);
            json.WriteString("state", j.State);
            json.WriteString("nodes", j.Nodes);
            json.WriteNumber("elapsed_s", j.ElapsedSeconds);
            WriteNullable(json, "cpus", j.Cpus);
            json.WriteNumber("gpus", j.Gpus);
            json.WriteNumber("gpu_hours", j.GpuHours);
            WriteNullable(json, "cpu_hours", j.CpuHours);
            WriteNullable(json, "energy_j", j.EnergyJoules);
            json.WriteString("provenance", j.Provenance);
            json.WriteNumber("steps", j.Steps);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("skipped");
        foreach (var s in r.Skipped)
        {
            json.WriteStartObject();
            json.WriteString("job_id", s.JobId);
            json.WriteNumber("line", s.Line);
            json.WriteString("where", s.Where);
            if (s.Column is { } column)
            {
                json.WriteString("column", column);
            }
            else
            {
                json.WriteNull("column");
            }
            json.WriteString("reason", s.Reason);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void Energy(TextWriter output, IReadOnlyList<SlurmJobSummary> jobs, string provenance, string label)
    {
        var these = jobs.Where(j => j.Provenance == provenance && j.EnergyJoules is not null).ToList();
        if (these.Count > 0)
        {
            var joules = these.Sum(j => j.EnergyJoules!.Value);
            output.WriteLine(Invariant($"  energy {label}: {joules / 3.6e6:0.######} kWh ({joules:0.###} J) over {Count(these.Count, "job")}"));
        }
    }

    private static string Hours(double hours) => hours.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Count(int n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
