namespace Cradle.Import.MlEnergy;

/// <summary>The published data set the importer reads, as its origin and descriptions name it.</summary>
public static class MlEnergySource
{
    /// <summary>The ml-energy/benchmark commit that last held the v2 records (2024-09-20, "Leaderboard tweaks"); the
    /// folder was removed in f20a3608 (2025-07-19).</summary>
    public const string Commit = "76bf85e9ae15edb42552d86f33a73cde7df624af";

    /// <summary>The folder of the records in that repository.</summary>
    public const string DataFolder = "data/llm_text_generation";

    /// <summary>
    /// Every imported run's start: the records carry no date, so the commit's date (00:00 UTC) stands for it; the
    /// measurements were made on or before it.
    /// </summary>
    public static DateTimeOffset NominalStartUtc { get; } = new(2024, 9, 20, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How the energy was measured and what it covers, for sensor descriptions and summaries.</summary>
    public const string Coverage =
        "measured by Zeus (NVML) on the serving GPUs, ML.ENERGY leaderboard v2, ml-energy/benchmark commit 76bf85e; " +
        "GPU energy only: no CPU, memory, network or PUE";
}
