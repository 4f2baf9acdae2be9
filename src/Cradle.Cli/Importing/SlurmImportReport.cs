using Cradle.Import.Slurm;

namespace Cradle.Cli.Importing;

/// <summary>What became of one file: the run ids stored, or why the store refused it (already imported).</summary>
internal sealed record SlurmFileOutcome(SlurmImportResult Result, IReadOnlyList<string> RunIds, string? Refused);

/// <summary>The whole import, as the summary prints it.</summary>
internal sealed record SlurmImportReport(IReadOnlyList<SlurmFileOutcome> Files, SlurmImportOptions Options, string StorePath)
{
    /// <summary>The assumptions behind every modelled figure, one sentence each.</summary>
    public IReadOnlyList<string> Assumptions()
    {
        var o = Options;
        var jobs = Files.SelectMany(f => f.Result.Jobs).ToList();
        var list = new List<string>
        {
            "A job is its job (allocation) line: its steps (batch, extern, 0, …) are counted, never added, so nothing is counted twice.",
        };
        if (jobs.Any(j => j.Provenance == "measured"))
        {
            list.Add("Measured: ConsumedEnergy(Raw) of the job line, from Slurm's energy accounting " +
                (o.EnergyPlugin is { } p ? $"(plugin {p}, as given)." : "(which acct_gather_energy plugin, and so which parts it covers, is unknown; say it with --energy-plugin).") +
                " 0 means energy accounting is off, not 0 J.");
        }
        if (jobs.Any(j => j.Provenance != "measured"))
        {
            list.Add(Invariant($"Modelled GPU energy = allocated GPUs × elapsed × catalog rated power × utilisation {o.GpuUtilisation}") +
                (o.GpuUtilisation == SlurmImportOptions.DefaultUtilisation ? " (default: Green Algorithms' usage factor 1, an upper bound; --gpu-utilisation)." : " (--gpu-utilisation)."));
            list.Add(o.GpuDevices.Count == 0
                ? "GPU models: gres types looked up among catalog ids and aliases; GPUs of no stated type need --gpu ID."
                : "GPU models: " + string.Join(", ", o.GpuDevices.OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => g.Key.Length == 0 ? $"untyped gres/gpu → {g.Value}" : $"gres/gpu:{g.Key} → {g.Value}")) + "; other types by catalog id or alias.");
            list.Add(o.CpuDevice is { } cpu
                ? Invariant($"Modelled CPU energy = allocated CPUs × elapsed × TDP of {cpu} per logical CPU × utilisation {o.CpuUtilisation}.")
                : "CPU energy is unavailable (sacct does not record the CPU model; name it with --cpu); the CPU-hours are kept.");
        }
        list.Add(o.TimeZone.Id == TimeZoneInfo.Utc.Id
            ? "Times: sacct prints local times without a zone; they were read as UTC (give --time-zone if the cluster's clock is not UTC)."
            : $"Times: read in {o.TimeZone.Id}.");
        return list;
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
