using Cradle.Store;

namespace Cradle.Import.CodeCarbon;

/// <summary>A parsed row with what its file says about it: the file, its CPU labelling and its site.</summary>
internal sealed record PlacedRecord(CodeCarbonFile File, CodeCarbonRecord Record, string? CpuModelledWhy, SiteMapping Site, string WorkingDirectory);

/// <summary>Turns parsed rows into imported runs: one per row, or one for all rows (<c>--group</c>).</summary>
internal static class RunBuilder
{
    /// <summary>What the store keeps as host: CodeCarbon records none.</summary>
    public const string UnknownHost = "unknown (CodeCarbon records no host name)";

    public static ImportedRun One(PlacedRecord placed, CodeCarbonImportOptions options)
    {
        var record = placed.Record;
        var (start, end) = Times(record, options);
        var components = ComponentSensors.Of(record, placed.CpuModelledWhy, "", "");
        var origin = $"codecarbon {record.Version}: {Where(placed)}";
        return new ImportedRun(
            new NewRun(null, CommandLine([record]), UnknownHost, placed.WorkingDirectory, 0, options.SiteId ?? placed.Site.SiteId, InferenceMetadata.None)
            {
                JobId = options.JobId,
            },
            start, end, RunStatus.Complete, null, origin,
            [.. components.Select(c => c.Sensor)],
            [.. components.SelectMany(c => Samples(c, 0, record.DurationSeconds))]);
    }

    /// <summary>
    /// One run for every row (the ranks or nodes of one job): it starts with the earliest row and ends with the latest;
    /// each row keeps its own sensors (ids r1-cpu, r1-gpu, r1-ram, r2-cpu, …; devices name file and line), each with its
    /// samples at the row's own start and end, so the run's energy is the sum of the rows'.
    /// </summary>
    public static ImportedRun Grouped(IReadOnlyList<PlacedRecord> placed, CodeCarbonImportOptions options)
    {
        var times = placed.Select(p => Times(p.Record, options)).ToList();
        var start = times.Min(t => t.Start);
        var end = times.Max(t => t.End);
        var sensors = new List<Sensor>();
        var samples = new List<ImportedSample>();
        for (var i = 0; i < placed.Count; i++)
        {
            var p = placed[i];
            var components = ComponentSensors.Of(p.Record, p.CpuModelledWhy, $"r{i + 1}-", $" [{p.File.FileName} line {p.Record.Row.Line}]");
            var from = (times[i].Start - start).TotalSeconds;
            sensors.AddRange(components.Select(c => c.Sensor));
            samples.AddRange(components.SelectMany(c => Samples(c, from, p.Record.DurationSeconds)));
        }

        var versions = string.Join(" + ", placed.Select(p => p.Record.Version).Distinct(StringComparer.Ordinal));
        var origin = $"codecarbon {versions}: group of {placed.Count} rows: {string.Join("; ", placed.Select(Where))}";
        var sites = placed.Select(p => p.Site.SiteId).Distinct().ToList();
        var site = options.SiteId ?? (sites.Count == 1 ? sites[0] : null);
        var directory = placed[0].WorkingDirectory;
        return new ImportedRun(
            new NewRun(null, CommandLine([.. placed.Select(p => p.Record)]), UnknownHost, directory, 0, site, InferenceMetadata.None) { JobId = options.JobId },
            start, end, RunStatus.Complete, null, origin, sensors, samples);
    }

    private static string Where(PlacedRecord p) => $"{p.File.FileName} (sha256 {p.File.Sha256[..12]}) line {p.Record.Row.Line}";

    private static (DateTimeOffset Start, DateTimeOffset End) Times(CodeCarbonRecord record, CodeCarbonImportOptions options)
    {
        // CodeCarbon stamps a row when it writes it, at the end of the run (or of the task).
        var end = new DateTimeOffset(DateTime.SpecifyKind(record.EndLocal, DateTimeKind.Unspecified), options.UtcOffset).ToUniversalTime();
        return (end - TimeSpan.FromSeconds(record.DurationSeconds), end);
    }

    private static IEnumerable<ImportedSample> Samples(ComponentSensor component, double from, double duration)
    {
        if (component.EnergyJoules is not { } joules)
        {
            yield break;
        }

        // Cumulative energy since the run's start: nothing before the row's start, all of it at its end.
        if (duration > 0)
        {
            yield return new ImportedSample(component.Sensor.Id, from, 0);
        }
        yield return new ImportedSample(component.Sensor.Id, from + duration, joules);
    }

    private static string CommandLine(IReadOnlyList<CodeCarbonRecord> records)
    {
        string? Values(string column)
        {
            var values = records.Select(r => r.Row.Text(column)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            return values.Count == 0 ? null : $"{column}={string.Join(",", values.Take(5))}{(values.Count > 5 ? ",…" : "")}";
        }

        var parts = new[] { CodeCarbonColumns.ProjectName, CodeCarbonColumns.TaskName, CodeCarbonColumns.ExperimentId, CodeCarbonColumns.RunId }
            .Select(Values).OfType<string>();
        return string.Join(" ", ["codecarbon", .. parts]);
    }
}
