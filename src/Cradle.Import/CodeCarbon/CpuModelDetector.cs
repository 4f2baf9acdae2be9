using System.Globalization;

namespace Cradle.Import.CodeCarbon;

/// <summary>
/// Finds the rows whose CPU figures CodeCarbon modelled instead of reading a counter. CodeCarbon records no "method"
/// column, so only what the figures themselves prove is used:
/// <list type="bullet">
/// <item><c>tracking_mode</c> process from 3.0: CPU power is attributed to the process from its CPU time × TDP, a software
/// estimate (CodeCarbon's documentation, "Tracking Modes"; codecarbon#1167). Before 3.0 the mode changed RAM only
/// (codecarbon#484, #679), so it says nothing about a 2.x CPU figure.</item>
/// <item><c>cpu_power</c> exactly 42.5 W: its constant mode for a CPU missing from its TDP table (85 W default × 50 %).</item>
/// <item>the same non-zero <c>cpu_power</c> in every row (two or more) of one host (CPU model, thread count, OS) of a file:
/// a counter never gives the same mean power to the last digit twice; constant mode (50 % of the TDP) does.</item>
/// </list>
/// Other CPU figures are labelled measured, with the caveat that CodeCarbon 3.x's CPU-load × TDP estimate cannot be told
/// from a counter reading by the file alone.
/// </summary>
internal static class CpuModelDetector
{
    /// <summary>CodeCarbon's POWER_CONSTANT (85 W) × CONSUMPTION_PERCENTAGE_CONSTANT (0.5), in W.</summary>
    public const double UnknownCpuWatts = 42.5;

    /// <summary>Why the CPU figure of each modelled record is modelled; records not in the map are measured.</summary>
    public static IReadOnlyDictionary<CodeCarbonRecord, string> Find(IReadOnlyList<CodeCarbonRecord> records)
    {
        var reasons = new Dictionary<CodeCarbonRecord, string>();
        var constantHosts = records
            .Where(r => r.CpuWatts is > 0)
            .GroupBy(r => (r.Row.Text(CodeCarbonColumns.CpuModel), r.Row.Text(CodeCarbonColumns.CpuCount), r.Row.Text(CodeCarbonColumns.Os)))
            .Where(g => g.Count() >= 2 && g.Select(r => r.CpuWatts).Distinct().Count() == 1)
            .SelectMany(g => g.Select(r => (Record: r, Count: g.Count())))
            .ToDictionary(x => x.Record, x => x.Count);
        foreach (var record in records)
        {
            if (string.Equals(record.TrackingMode, "process", StringComparison.OrdinalIgnoreCase) && record.VersionNumber.Major >= 3)
            {
                reasons[record] = "tracking_mode process: CodeCarbon 3.x attributes CPU power to the process from its CPU time × TDP (a software estimate)";
            }
            else if (record.CpuWatts == UnknownCpuWatts)
            {
                reasons[record] = "cpu_power 42.5 W is CodeCarbon's constant for a CPU missing from its TDP table (85 W × 50 %), used when no power interface is readable";
            }
            else if (constantHosts.TryGetValue(record, out var count))
            {
                reasons[record] = string.Create(CultureInfo.InvariantCulture,
                    $"cpu_power is the same {record.CpuWatts:0.###} W in all {count} rows of this host: CodeCarbon's constant mode (50 % of the CPU's TDP), used when no power interface is readable");
            }
        }
        return reasons;
    }
}
