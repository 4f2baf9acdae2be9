namespace Cradle.Cli.Input;

/// <summary>A kind of input file: the words that name it in messages and the most bytes Cradle reads of it.</summary>
/// <param name="Name">How messages name it, e.g. "study file".</param>
/// <param name="Limit">The largest size accepted, in bytes.</param>
internal sealed record InputKind(string Name, long Limit)
{
    private const long MiB = 1024 * 1024;

    /// <summary>A study: 16 MiB, two thousand times the bundled example, and still parsed in seconds.</summary>
    public static InputKind Study { get; } = new("study file", 16 * MiB);

    /// <summary>A catalog file (<c>--catalog</c>, or a study's <c>catalog:</c>): 16 MiB, thirty times the whole shipped catalog.</summary>
    public static InputKind Catalog { get; } = new("catalog file", 16 * MiB);

    /// <summary>Results JSON for <c>cradle report</c>: 64 MiB, room for hundreds of alternatives with Monte Carlo.</summary>
    public static InputKind Results { get; } = new("results file", 64 * MiB);

    /// <summary>A dataset for <c>cradle trends</c> (the Epoch CSV is about 4 MiB): 64 MiB.</summary>
    public static InputKind Dataset { get; } = new("dataset", 64 * MiB);

    /// <summary>A tool's log to import (<c>cradle import</c>; the largest CodeCarbon file seen is under 1 MiB): 64 MiB.</summary>
    public static InputKind Log { get; } = new("log file", 64 * MiB);

    /// <summary>Slurm accounting output for <c>cradle import slurm</c>: 256 MiB, about a million sacct lines; split a
    /// larger export by time (sacct -S/-E).</summary>
    public static InputKind SlurmAccounting { get; } = new("sacct output file", 256 * MiB);
}
