namespace Cradle.Results.Json;

/// <summary>Reads the statistics of a sample.</summary>
internal static class StatsReader
{
    /// <summary>Mean, SD and percentiles; p25 and p75 may be absent (NaN), the others are required (null: NaN).</summary>
    public static Stats Read(ResultsNode e) => new(e.Need("mean").NumberOrNaN(), e.Need("median").NumberOrNaN(), e.Need("p2_5").NumberOrNaN(),
        e.Need("p5").NumberOrNaN(), e.Need("p95").NumberOrNaN(), e.Need("p97_5").NumberOrNaN(), e.Need("sd").NumberOrNaN(),
        e.TryGet("p25", out var p25) ? p25.Double() : double.NaN, e.TryGet("p75", out var p75) ? p75.Double() : double.NaN);
}
