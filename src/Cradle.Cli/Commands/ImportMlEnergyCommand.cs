using System.CommandLine;
using Cradle.Cli.Importing;
using Cradle.Import.MlEnergy;
using Cradle.Store;
using Cradle.Store.Postgres;

namespace Cradle.Cli.Commands;

/// <summary><c>cradle import mlenergy PATH…</c>: the ML.ENERGY leaderboard v2 records as one-request inference runs.</summary>
public static class ImportMlEnergyCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build(TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "A v2 record (bs<N>+tp<N>+pp<N>.json under <task>/<GPU>/<org>/<model>/, with the task's models.json), a v1 " +
                "file (<GPU>_<task>_benchmark.csv with models.json beside it), or a folder: every record and v1 file under it. One or more.",
            Arity = ArgumentArity.OneOrMore,
        };
        var store = StoreOption.ForRuns();
        var command = new Command("mlenergy",
            "Import the ML.ENERGY leaderboard v2 (2024-09) records of ml-energy/benchmark data/llm_text_generation (commit 76bf85e): " +
            "GPU energy per request of LLM serving by model, GPU, parallelism and batch size, measured by Zeus (NVML). Each record " +
            "becomes a complete inference run of one nominal request whose energy is the record's Energy/req (J), with the model, " +
            "its parameter count (models.json) and the task; GPU energy only (no CPU, memory or PUE). The 2023 (v1) CSVs " +
            "(data/legacy, energy per response) are read the same way, one run per row. Compare them with " +
            "'cradle runs compare --site ID'. A bad record imports nothing. " + ExitCodes.Help)
        {
            paths, store,
        };
        command.SetAction(async (parse, _) => await RunAsync(parse.GetValue(paths)!, parse.GetValue(store), output, error).ConfigureAwait(false));
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, string? storeGiven, TextWriter output, TextWriter error)
    {
        MlEnergyImportResult result;
        try
        {
            result = MlEnergyImporter.Read(paths);
        }
        catch (Exception e) when (e is MlEnergyFormatException or MlEnergyLayoutException)
        {
            await error.WriteLineAsync($"cradle: {e.Message}. Nothing was imported.").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"cradle: cannot read {e.Message} Nothing was imported.").ConfigureAwait(false);
            return ExitCodes.Environment;
        }

        string location;
        try
        {
            location = StoreOption.Resolve(storeGiven).Location;
        }
        catch (StoreException e)
        {
            await error.WriteLineAsync($"cradle: {e.Message} Nothing was imported.").ConfigureAwait(false);
            return ExitCodes.Environment;
        }
        try
        {
            using var runStore = RunStores.Open(location);
            try
            {
                runStore.ImportRuns(result.Runs);
            }
            catch (StoreException e) when (e.Code is "already-imported" or "duplicate-run-name")
            {
                await error.WriteLineAsync($"cradle: {e.Code}: {e.Message}").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }
        }
        catch (StoreException e)
        {
            await error.WriteLineAsync($"cradle: cannot use the run store '{StoreOption.Display(location)}': {e.Message}").ConfigureAwait(false);
            return ExitCodes.Environment;
        }
        MlEnergyImportRenderer.Text(result, StoreOption.Display(location), output);
        return ExitCodes.Success;
    }
}
