using Cradle.Store;

namespace Cradle.Import.MlEnergy;

/// <summary>One imported record: where it lies and what it says, with its run.</summary>
/// <param name="RelativePath">The record's path under the source's data/llm_text_generation/.</param>
/// <param name="Task">"chat" or "code".</param>
/// <param name="Record">The record's figures.</param>
/// <param name="Parameters">The model's parameter count from models.json; null when the model is not in it.</param>
/// <param name="Run">The run to store.</param>
public sealed record MlEnergyImportedRecord(string RelativePath, string Task, MlEnergyRecord Record, double? Parameters, ImportedRun Run);

/// <summary>What an import read: one run per record and per v1 row (to be stored in one transaction), and notes.</summary>
/// <param name="Records">The v2 records, in path order (ordinal), each with its run.</param>
/// <param name="IgnoredFiles">Files under the folders named that are not records (models.json, schema.yaml, others).</param>
/// <param name="Notes">What the summary must say: models without a parameter count (no ESS for them).</param>
public sealed record MlEnergyImportResult(IReadOnlyList<MlEnergyImportedRecord> Records, int IgnoredFiles, IReadOnlyList<string> Notes)
{
    /// <summary>The 2023 (v1) rows, by file (ordinal) and line, each with its run.</summary>
    public IReadOnlyList<MlEnergyLegacyRow> LegacyRows { get; init; } = [];

    /// <summary>The runs: <see cref="Records"/>' then <see cref="LegacyRows"/>', in their order.</summary>
    public IReadOnlyList<ImportedRun> Runs => Records.Select(r => r.Run).Concat(LegacyRows.Select(r => r.Run)).ToList();
}
