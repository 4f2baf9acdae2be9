using Cradle.Core;

namespace Cradle.Import.CodeCarbon;

/// <summary>Tells a file's layout from its header, or says which required columns are missing.</summary>
internal static class HeaderCheck
{
    /// <summary>The layout, or null with problems added (missing or repeated columns, a header of no CodeCarbon release).</summary>
    public static CodeCarbonLayout? Check(string file, IReadOnlyList<string> header, List<CodeCarbonProblem> problems)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in header)
        {
            if (!names.Add(column))
            {
                problems.Add(new CodeCarbonProblem("duplicate-column", file, 1, column,
                    "the header names this column twice; each column must appear once to be read by name.", []));
            }
        }

        // 2.0 replaced experiment_id by run_id and added the per-component columns; 2.7 brought experiment_id back next
        // to run_id. So a file with any 2.x-only column is read as 2.x+, one with experiment_id only as 1.x.
        var modern = names.Contains(CodeCarbonColumns.RunId) || names.Contains(CodeCarbonColumns.CpuEnergy) || names.Contains(CodeCarbonColumns.CodeCarbonVersion);
        var layout = modern ? CodeCarbonLayout.Version2Plus : CodeCarbonLayout.Version1;
        var required = modern ? CodeCarbonColumns.Required2 : CodeCarbonColumns.Required1;
        var missing = required.Where(c => !names.Contains(c)).ToList();
        if (missing.Count == 0)
        {
            return problems.Count == 0 ? layout : null;
        }

        // Header names that no release wrote are the likely renamings of the missing ones.
        var unknown = header.Where(h => !CodeCarbonColumns.Known.Contains(h, StringComparer.Ordinal)).ToList();
        if (missing.Count == required.Count || missing.Count > required.Count / 2)
        {
            var which = modern ? "2.x/3.x" : "1.x";
            problems.Add(new CodeCarbonProblem("not-codecarbon", file, 1, null,
                $"this header is not one CodeCarbon wrote: it lacks {missing.Count} of the {required.Count} columns every {which} " +
                $"file has ({string.Join(", ", missing.Take(6))}{(missing.Count > 6 ? ", …" : "")}). Expected a CodeCarbon emissions.csv " +
                "(1.x: timestamp, experiment_id, project_name, duration, emissions, energy_consumed, …; 2.x and 3.x: run_id and " +
                "cpu_energy, gpu_energy, ram_energy, …).", []));
            return null;
        }

        foreach (var column in missing)
        {
            var also = column == CodeCarbonColumns.ExperimentId
                ? " (1.x names each run by experiment_id, 2.x and later by run_id; this header has neither, a layout no release wrote)"
                : "";
            problems.Add(new CodeCarbonProblem("missing-column", file, 1, column,
                $"the header has no column '{column}', which every {(modern ? "2.x/3.x" : "1.x")} CodeCarbon file has{also}.",
                NameSuggestions.Closest(column, unknown)));
        }
        return null;
    }
}
