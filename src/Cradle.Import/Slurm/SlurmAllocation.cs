using System.Globalization;

namespace Cradle.Import.Slurm;

/// <summary>What a job was allocated: CPUs and GPUs by gres type ("" for GPUs of no stated type).</summary>
/// <param name="Cpus">Allocated CPUs (Slurm's logical CPUs); null when the record does not say.</param>
/// <param name="Gpus">GPU count by gres type, e.g. {"a100": 2}; empty when none are allocated or accounted.</param>
internal sealed record SlurmAllocation(int? Cpus, IReadOnlyDictionary<string, int> Gpus)
{
    public int GpuCount => Gpus.Values.Sum();

    /// <summary>
    /// Reads AllocTRES (<c>billing=8,cpu=8,gres/gpu:a100=2,gres/gpu=2,mem=64G,node=1</c>): <c>gres/gpu</c> is the total
    /// and <c>gres/gpu:TYPE</c> names the type of some or all of the same GPUs, so typed counts are not added to it.
    /// </summary>
    public static SlurmAllocation? FromTres(string text, out string? why)
    {
        why = null;
        int? cpus = null;
        int? total = null;
        var typed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                why = $"'{item}' in '{text}' is not KEY=VALUE";
                return null;
            }
            var key = item[..eq];
            var value = item[(eq + 1)..];
            if (key is not ("cpu" or "gres/gpu") && !key.StartsWith("gres/gpu:", StringComparison.Ordinal))
            {
                continue;
            }
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                why = $"'{item}' in '{text}': the count of {key} is not a whole number";
                return null;
            }
            switch (key)
            {
                case "cpu":
                    cpus = count;
                    break;
                case "gres/gpu":
                    total = count;
                    break;
                default:
                    typed[key["gres/gpu:".Length..]] = count;
                    break;
            }
        }
        return Combine(cpus, total, typed, text, out why);
    }

    /// <summary>
    /// Reads AllocGRES/ReqGRES as older Slurm prints them: <c>gpu:2</c>, <c>gpu:tesla:2</c>, <c>gpu:a100:2(IDX:0-1)</c>;
    /// other generic resources are ignored.
    /// </summary>
    public static SlurmAllocation? FromGres(int? cpus, string text, out string? why)
    {
        why = null;
        var typed = new Dictionary<string, int>(StringComparer.Ordinal);
        int? total = null;
        foreach (var raw in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var item = raw.Split('(')[0];
            var parts = item.Split(':');
            if (parts[0] != "gpu")
            {
                continue;
            }
            if (parts.Length is < 2 or > 3 || !int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                why = $"'{raw}' in '{text}' is not gpu[:TYPE]:COUNT";
                return null;
            }
            if (parts.Length == 3)
            {
                typed[parts[1]] = typed.GetValueOrDefault(parts[1]) + count;
            }
            else
            {
                total = (total ?? 0) + count;
            }
        }
        // Here typed and untyped entries are different GPUs, so the total is their sum.
        return Combine(cpus, total is null && typed.Count == 0 ? null : (total ?? 0) + typed.Values.Sum(), typed, text, out why);
    }

    private static SlurmAllocation? Combine(int? cpus, int? total, Dictionary<string, int> typed, string text, out string? why)
    {
        why = null;
        var typedSum = typed.Values.Sum();
        var all = total ?? typedSum;
        if (typedSum > all)
        {
            why = $"'{text}': the typed GPUs ({typedSum}) are more than gres/gpu ({all})";
            return null;
        }
        var gpus = typed.Where(t => t.Value > 0).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        if (all > typedSum)
        {
            gpus[""] = all - typedSum;
        }
        return new SlurmAllocation(cpus, gpus);
    }
}
