namespace Cradle.Import.Slurm;

/// <summary>The sacct field names the importer reads, and how it tells a header line from a record.</summary>
internal static class SacctFields
{
    public const string JobId = "JobID";
    public const string JobName = "JobName";
    public const string State = "State";
    public const string Start = "Start";
    public const string End = "End";
    public const string Elapsed = "Elapsed";
    public const string ElapsedRaw = "ElapsedRaw";
    public const string NodeList = "NodeList";
    public const string AllocTres = "AllocTRES";
    public const string AllocCpus = "AllocCPUS";
    public const string NCpus = "NCPUS";
    public const string AllocGres = "AllocGRES";
    public const string ReqGres = "ReqGRES";
    public const string ConsumedEnergy = "ConsumedEnergy";
    public const string ConsumedEnergyRaw = "ConsumedEnergyRaw";
    public const string ExitCode = "ExitCode";
    public const string Partition = "Partition";

    /// <summary>Without these a record cannot become a run: which job, whether it ended, when it started, how long it ran.</summary>
    public static IReadOnlyList<string[]> Required { get; } =
    [
        [JobId], [State], [Start], [Elapsed, ElapsedRaw],
    ];

    /// <summary>The required fields (or alternatives) that <paramref name="fields"/> lacks, as "Elapsed or ElapsedRaw".</summary>
    public static IReadOnlyList<string> Missing(IReadOnlyCollection<string> fields)
    {
        var have = new HashSet<string>(fields, StringComparer.OrdinalIgnoreCase);
        return Required.Where(any => !any.Any(have.Contains)).Select(any => string.Join(" or ", any)).ToList();
    }

    /// <summary>A first line is a header when it names JobID and no cell looks like a job id or a time.</summary>
    public static bool LooksLikeHeader(IReadOnlyList<string> cells) =>
        cells.Any(c => c.Equals(JobId, StringComparison.OrdinalIgnoreCase))
        && cells.All(c => c.Length == 0 || (char.IsAsciiLetter(c[0]) && c.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_')));
}
