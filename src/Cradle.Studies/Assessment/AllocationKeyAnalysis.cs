using Cradle.Catalog;
using Cradle.Core.Engine;
using Cradle.Studies.Compilation;
using Cradle.Studies.Definition;
using Cradle.Studies.Reading;

namespace Cradle.Studies.Assessment;

/// <summary>
/// Recompiles a study under each allocation key of embodied impacts and calculates the totals (docs/methodology.md,
/// "Allocation keys"): the study's own keys, then calendar, busy and energy applied to every hardware entry (the
/// serving following its hardware), then batch for the serving when the study gives its latency and batch size.
/// </summary>
public static class AllocationKeyAnalysis
{
    /// <summary>
    /// Reads the study and runs <see cref="Run(StudyDefinition, ReferenceCatalog)"/> against the shipped catalog plus
    /// <paramref name="catalogFiles"/> and the study's own catalog files (read by <paramref name="readFile"/>).
    /// Throws <see cref="StudyException"/> when the study itself has errors.
    /// </summary>
    public static IReadOnlyList<AllocationKeyResult> Run(
        string text, string file, IReadOnlyList<(string Name, string Text)> catalogFiles, Func<string, string>? readFile, Runs.IRunSource? runs = null,
        Background.IBackgroundSource? background = null)
    {
        var (study, _) = StudyReader.Read(text, file, runs);
        var catalog = StudyCatalog.Load(study, catalogFiles, readFile);
        return Run(Background.BackgroundLinker.Apply(study, IndicatorSet.From(catalog), background).Study, catalog);
    }

    /// <summary>
    /// One result per alternative; empty when hardware manufacture is outside the boundary or no stage runs on
    /// hardware (nothing is allocated). Throws <see cref="StudyException"/> when the study as stated has errors; a key
    /// that cannot apply (the energy key without an idle power) is a case with its reason, not an error.
    /// </summary>
    public static IReadOnlyList<AllocationKeyResult> Run(StudyDefinition study, ReferenceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(study);
        var stated = StudyCompiler.CompileAll(study, catalog);
        if (stated.All(c => c.Hardware.All(h => h.Allocation is null)))
        {
            return [];
        }
        var variants = new List<(string Key, StudyDefinition Study)>();
        foreach (var key in new[] { AllocationKey.Calendar, AllocationKey.Busy, AllocationKey.Energy })
        {
            variants.Add((key.Name(), study with
            {
                Hardware = study.Hardware.Select(h => h with { Allocation = key }).ToList(),
                Inference = study.Inference is null ? null : WithAllocation(study.Inference, null),
            }));
        }
        if (study.Inference is { } inference && (inference.Fleets.Count == 0 ? [inference] : inference.Fleets.Select(f => f.Serving))
            .All(s => s is { HardwareId: not null, Latency: not null, BatchSize: not null }))
        {
            variants.Add((AllocationKey.Batch.Name(), study with { Inference = WithAllocation(inference, AllocationKey.Batch) }));
        }
        var cases = new List<List<AllocationKeyCase>>();
        foreach (var compiled in stated)
        {
            cases.Add([Case(AllocationKeyCase.StatedKey, compiled)]);
        }
        foreach (var (key, variant) in variants)
        {
            try
            {
                var compiled = StudyCompiler.CompileAll(variant, catalog);
                for (var i = 0; i < compiled.Count; i++)
                {
                    cases[i].Add(Case(key, compiled[i]));
                }
            }
            catch (StudyException e)
            {
                var why = string.Join(" ", e.Problems.Select(p => $"{p.Field}: {p.Message}").Distinct(StringComparer.Ordinal));
                foreach (var list in cases)
                {
                    list.Add(new AllocationKeyCase(key, "", [], [], why));
                }
            }
        }
        return stated.Select((c, i) => new AllocationKeyResult(c.Alternative?.Id,
            c.Method.Categories.Select(k => new CategoryInfo(k.Id, k.Name, k.Unit.Symbol)).ToList(), cases[i])).ToList();
    }

    private static AllocationKeyCase Case(string key, CompiledStudy compiled)
    {
        var result = LcaCalculator.Calculate(compiled.System, compiled.Method, compiled.Demand, compiled.Values);
        ResultCheck.RequireFinite(compiled, result.Impacts);
        var embodied = new double[result.Impacts.Count];
        foreach (var stage in result.StageContributions().Where(s => s.Stage is StageKinds.HardwareManufacture or StageKinds.EndOfLife))
        {
            for (var k = 0; k < embodied.Length; k++)
            {
                embodied[k] += stage.Values[k];
            }
        }
        var description = string.Join("; ", compiled.Hardware.Where(h => h.Allocation is not null)
            .Select(h => $"{h.Scope}: {h.Allocation!.Value.Name()}").Distinct(StringComparer.Ordinal));
        return new AllocationKeyCase(key, description, result.Impacts, embodied, null);
    }

    /// <summary>The serving with <paramref name="key"/> as its allocation, and as every fleet's (which carries its own copy).</summary>
    private static InferenceDefinition WithAllocation(InferenceDefinition inference, AllocationKey? key) => inference with
    {
        Allocation = key,
        Fleets = inference.Fleets.Select(f => f with { Serving = f.Serving with { Allocation = key } }).ToList(),
    };
}
