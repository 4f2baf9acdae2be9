namespace Cradle.Import.Slurm;

/// <summary>
/// Turns sacct records into finished jobs. Each job line is checked field by field; a record that cannot become a run
/// (not finished, never started, no allocation, an unknown unit, a duplicate) is listed with its line, column and reason
/// and left out, never guessed; a value sacct never writes in its field (text in a number, a broken TRES list) refuses
/// the whole file. Step lines are attached to their job and counted, never added to it.
/// </summary>
internal sealed class SlurmJobReader(string file, TimeZoneInfo zone)
{
    private readonly List<SkippedRecord> skipped = [];

    public IReadOnlyList<SkippedRecord> Skipped => skipped;

    public IReadOnlyList<SlurmJob> Read(IReadOnlyList<SacctRow> rows)
    {
        var jobs = new List<SlurmJob>();
        var lines = new Dictionary<string, SacctRow>(StringComparer.Ordinal);
        var steps = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var stepRows = new List<(SacctRow Row, SlurmJobId Id)>();
        foreach (var row in rows)
        {
            var idText = row.Cell(SacctFields.JobId)?.Text ?? "";
            if (SlurmJobId.Parse(idText) is not { } id)
            {
                Skip(row, row.Cell(SacctFields.JobId), idText, $"'{idText}' is not a Slurm job id (123, 123.batch, 123_4, 123+0)");
                continue;
            }
            if (id.Step is not null)
            {
                stepRows.Add((row, id));
                continue;
            }
            if (lines.TryGetValue(id.Job, out var earlier))
            {
                Skip(row, null, idText, $"job {id.Job} is already on {earlier.Where}; a job is imported once");
                continue;
            }
            lines[id.Job] = row;
            var list = new List<string>();
            steps[id.Job] = list;
            if (Job(row, id, list) is { } job)
            {
                jobs.Add(job);
            }
        }
        foreach (var (row, id) in stepRows)
        {
            if (steps.TryGetValue(id.Job, out var list))
            {
                list.Add(id.Step!);
            }
            else
            {
                Skip(row, null, $"{id.Job}.{id.Step}", $"a step of job {id.Job}, whose job line is not in the file; steps are not imported on their own");
            }
        }
        return jobs;
    }

    private SlurmJob? Job(SacctRow row, SlurmJobId id, List<string> steps)
    {
        var idText = row.Cell(SacctFields.JobId)!.Text;
        if (id.IsPendingArray)
        {
            return Skip(row, row.Cell(SacctFields.JobId), idText, "array tasks not yet started (an unexpanded array id)");
        }
        var stateCell = row.Cell(SacctFields.State)!;
        if (SlurmStates.Status(stateCell.Text, out var why) is not { } status)
        {
            return Skip(row, stateCell, idText, why!);
        }
        var startCell = row.Cell(SacctFields.Start)!;
        if (SlurmValues.Time(startCell.Text, zone) is not { } start)
        {
            return Skip(row, startCell, idText, startCell.Text is "None" or "Unknown" or ""
                ? $"the job never started (Start '{startCell.Text}', state {stateCell.Text})"
                : $"'{startCell.Text}' is not a time YYYY-MM-DDTHH:MM:SS");
        }
        var raw = row.FirstNonEmpty(SacctFields.ElapsedRaw) is not null;
        var elapsedCell = row.FirstNonEmpty(SacctFields.ElapsedRaw, SacctFields.Elapsed);
        if (elapsedCell is null)
        {
            return Skip(row, row.Cell(SacctFields.Elapsed) ?? row.Cell(SacctFields.ElapsedRaw), idText, "no elapsed time");
        }
        if (SlurmValues.Seconds(elapsedCell.Text, raw, out why) is not { } elapsed)
        {
            throw Malformed(row, elapsedCell, why!);
        }
        if (elapsed <= 0)
        {
            return Skip(row, elapsedCell, idText, $"the job ran 0 s ({stateCell.Text}): no time, no energy to import");
        }
        if (Allocation(row, idText) is not { } allocation)
        {
            return null;
        }
        var energyCell = row.FirstNonEmpty(SacctFields.ConsumedEnergyRaw, SacctFields.ConsumedEnergy);
        double? energy = null;
        if (energyCell is not null)
        {
            if (SlurmValues.Joules(energyCell.Text, out why) is not { } joules)
            {
                // A number with a suffix sacct does not print is an unknown unit: that record is left out. Anything
                // else is not what sacct writes in this field: the file is refused.
                var digits = energyCell.Text[..^1];
                return char.IsAsciiLetter(energyCell.Text[^1])
                    && double.TryParse(digits, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out _)
                    ? Skip(row, energyCell, idText, $"unknown unit '{energyCell.Text[^1]}' in '{energyCell.Text}' (sacct prints J with K, M, G, T or P)")
                    : throw Malformed(row, energyCell, why!);
            }
            // 0 J is what sacct prints when energy accounting is off, not a measurement of nothing.
            energy = joules > 0 ? joules : null;
        }
        if (energy is null && allocation.Cpus is null && allocation.GpuCount == 0)
        {
            return Skip(row, null, idText, "no allocated CPUs or GPUs (AllocTRES, AllocCPUS, NCPUS, AllocGRES empty or absent) and no ConsumedEnergy: nothing to import");
        }
        var end = row.Cell(SacctFields.End) is { } endCell ? SlurmValues.Time(endCell.Text, zone) : null;
        var name = row.FirstNonEmpty("SubmitLine", SacctFields.JobName)?.Text ?? $"slurm job {idText}";
        var nodes = row.FirstNonEmpty(SacctFields.NodeList)?.Text ?? "(NodeList not in the file)";
        return new SlurmJob(id, row, name, stateCell.Text, status, SlurmValues.ExitCode(row.Cell(SacctFields.ExitCode)?.Text),
            start, end is { } e && e >= start ? e : null, elapsed, nodes, allocation, energy, energy is null ? null : energyCell!.Column, steps);
    }

    private SlurmAllocation? Allocation(SacctRow row, string idText)
    {
        string? why;
        if (row.FirstNonEmpty(SacctFields.AllocTres) is { } tres)
        {
            return SlurmAllocation.FromTres(tres.Text, out why) ?? throw Malformed(row, tres, why!);
        }
        int? cpus = null;
        if (row.FirstNonEmpty(SacctFields.AllocCpus, SacctFields.NCpus) is { } cpuCell)
        {
            cpus = SlurmValues.Count(cpuCell.Text, out why);
            if (cpus is null)
            {
                throw Malformed(row, cpuCell, why!);
            }
        }
        if (row.FirstNonEmpty(SacctFields.AllocGres, SacctFields.ReqGres) is { } gres)
        {
            return SlurmAllocation.FromGres(cpus, gres.Text, out why) ?? throw Malformed(row, gres, why!);
        }
        return new SlurmAllocation(cpus, new Dictionary<string, int>());
    }

    /// <summary>A value sacct never prints in this field (text in a number, a broken TRES list): the file is refused.</summary>
    private SlurmFormatException Malformed(SacctRow row, SacctCell cell, string why) =>
        new(file, row.Line, cell.Index, $"{cell.Column} of {row.Where}: {why}; not sacct output as sacct writes it, so nothing of the file is imported");

    private SlurmJob? Skip(SacctRow row, SacctCell? cell, string jobId, string reason) => Skip<SlurmJob>(row, cell, jobId, reason);

    private T? Skip<T>(SacctRow row, SacctCell? cell, string jobId, string reason) where T : class
    {
        skipped.Add(new SkippedRecord(file, row.Line, row.Where, cell?.Column, jobId, reason));
        return null;
    }
}
