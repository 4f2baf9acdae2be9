namespace Cradle.Runs;

/// <summary>
/// What a run's energy covers, from the kinds of the sensors that recorded energy: "gpu", "cpu+gpu+memory", … An
/// imported run counts only what its source measured (ML.ENERGY: the GPUs), so runs compared side by side can cover
/// different parts of the machine; the comparison says so rather than let a GPU-only figure pass for a whole server's.
/// </summary>
public static class EnergyCoverage
{
    /// <summary>The parts covered, '+'-joined in a fixed order (cpu, gpu, memory, then others by name); "-" when none.</summary>
    /// <param name="kinds">The kinds of the sensors with an energy figure.</param>
    public static string Of(IEnumerable<string> kinds)
    {
        var parts = kinds.Select(Part).Distinct(StringComparer.Ordinal).ToList();
        string[] order = ["cpu", "gpu", "memory"];
        var known = order.Where(parts.Contains);
        var others = parts.Except(order, StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var text = string.Join("+", known.Concat(others));
        return text.Length == 0 ? "-" : text;
    }

    /// <summary>The part one sensor kind measures or models.</summary>
    public static string Part(string kind) => kind switch
    {
        // Totals whose split is unknown: CodeCarbon 1.x (CPU and GPU), Slurm accounting (whatever its plugin covers).
        "codecarbon-total" => "cpu+gpu total",
        "slurm-consumed-energy" => "slurm node energy",
        _ when kind.Contains("gpu", StringComparison.OrdinalIgnoreCase) => "gpu",
        _ when kind.Contains("dram", StringComparison.OrdinalIgnoreCase) || kind.Contains("memory", StringComparison.OrdinalIgnoreCase)
            || kind.EndsWith("-ram", StringComparison.OrdinalIgnoreCase) => "memory",
        _ when kind.Contains("cpu", StringComparison.OrdinalIgnoreCase) || kind.Contains("package", StringComparison.OrdinalIgnoreCase) => "cpu",
        _ => kind,
    };
}
