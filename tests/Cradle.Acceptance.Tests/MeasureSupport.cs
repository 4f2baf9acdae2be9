using Cradle.Catalog;
using Cradle.Measure.Modelled;
using Cradle.Measure.Sysfs;
using Cradle.Store;
using Cradle.Store.Sqlite;

namespace Cradle.Acceptance.Tests;

/// <summary>What the measure tests share: a catalog that knows this machine's CPU, and reading a store.</summary>
internal static class MeasureSupport
{
    /// <summary>A loop of 200,000 shell additions: a few tenths of a second of one CPU.</summary>
    public static readonly string[] BurnCpu = ["sh", "-c", "i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done"];

    /// <summary>
    /// <c>--catalog FILE</c> arguments giving this machine's CPU (its cpuinfo model name) 20 W over 2 threads, so that the
    /// modelled fallback has a figure; none when the shipped catalog already knows the CPU.
    /// </summary>
    public static string[] CatalogForThisCpu(TempDirectory dir)
    {
        var modelName = CpuCatalogLookup.ReadModelName("/proc", FileSysfsReader.Instance)
            ?? throw new InvalidOperationException("/proc/cpuinfo has no model name; these tests need one");
        if (CpuCatalogLookup.Find(modelName, CatalogLoader.Shipped).Model is not null)
        {
            return [];
        }

        var file = dir.Write("cpu.yaml", $$"""
            catalog: 1
            kind: cpu
            defaults:
              uncertainty:
                power: {distribution: triangular, min_factor: 0.85, max_factor: 1.1}
            entries:
              - id: test-this-cpu
                name: "{{modelName.Replace("\"", "\\\"", StringComparison.Ordinal)}}"
                attributes:
                  cores: 2
                  threads: 2
                figures:
                  power:
                    value: 20 W
                    source: codecarbon-cpu-power
                    year: 2024
            """);
        return ["--catalog", file];
    }

    /// <summary>Opens the store at <paramref name="path"/> and reads with it.</summary>
    public static T Read<T>(string path, Func<IRunStore, T> read)
    {
        using var store = SqliteRunStore.Open(path);
        return read(store);
    }
}
