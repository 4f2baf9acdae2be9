using Cradle.Runs;
using System.CommandLine;
using Cradle.Cli.Importing;
using Cradle.Cli.Input;
using Cradle.Cli.Measuring;
using Cradle.Import.Slurm;
using Cradle.Store;
using Cradle.Store.Postgres;
using Cradle.Store.Sqlite;

namespace Cradle.Cli.Commands;

/// <summary><c>cradle import slurm FILE…</c>: Slurm accounting (sacct parsable text or --json) as runs.</summary>
public static class ImportSlurmCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build(TextWriter output, TextWriter error)
    {
        var files = new Argument<FileInfo[]>("FILE")
        {
            Description = "sacct output: 'sacct -P' (or -p, or --delimiter) text with its header, or 'sacct --json'. One or more.",
            Arity = ArgumentArity.OneOrMore,
        };
        var store = StoreOption.ForRuns();
        var format = new Option<string>("--format", "-f") { Description = "'text' for people, 'json' (schema cradle.import-slurm/1) for programs.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var site = new Option<string?>("--site") { Description = "The catalog grid, cloud region or data-centre fleet the runs are assessed for (recorded on each run).", HelpName = "ID" };
        var o = new SlurmCommandOptions();
        var catalogFiles = CatalogFilesOption.Create();
        var command = new Command("slurm",
            "Import finished Slurm jobs from sacct output: one run per job (steps counted, not added), with the job id, nodes, " +
            "elapsed time and allocated GPUs and CPUs. ConsumedEnergy, when the cluster's energy accounting records it, is " +
            "imported as measured; otherwise GPU energy is modelled as allocated GPUs × elapsed × catalog power × utilisation " +
            "(labelled, assumptions printed) and CPU energy likewise when --cpu names the CPU (else unavailable). Running, " +
            "pending and never-started jobs and records missing a field are listed with line and column and skipped; a file " +
            "that is not sacct output imports nothing. " + ExitCodes.Help)
        {
            files, store, format, site, o.Delimiter, o.Fields, o.TimeZone, o.Gpu, o.Cpu, o.GpuUtilisation, o.CpuUtilisation, o.EnergyPlugin, catalogFiles,
        };
        command.SetAction(async (parse, _) =>
        {
            var (loaded, catalogExit) = await CatalogFilesOption.LoadAsync(parse.GetValue(catalogFiles)!, error).ConfigureAwait(false);
            if (loaded is not { } catalog)
            {
                return catalogExit;
            }
            if (parse.GetValue(site) is { } siteId && SiteFactors.Resolve(catalog, siteId, out var hint) is null)
            {
                await error.WriteLineAsync($"cradle: --site '{siteId}' is not a grid, cloud region or data-centre fleet of the catalog.{hint} Nothing was imported; see 'cradle catalog list'.").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }
            if (o.Read(parse, catalog, error) is not { } options)
            {
                return ExitCodes.InvalidInput;
            }
            options = options with { SiteId = parse.GetValue(site) };
            return await RunAsync(parse.GetValue(files)!, parse.GetValue(store), options,
                parse.GetValue(format) == "json", output, error).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(FileInfo[] files, string? storeGiven, SlurmImportOptions options, bool json, TextWriter output, TextWriter error)
    {
        // Every file is read and checked before anything is stored: a file that is not sacct output stops the import.
        var results = new List<SlurmImportResult>();
        foreach (var file in files)
        {
            byte[] bytes;
            try
            {
                bytes = InputFile.ReadBytes(file.FullName, InputKind.SlurmAccounting);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"cradle: cannot read '{file}': {e.Message} Nothing was imported.").ConfigureAwait(false);
                return ExitCodes.Environment;
            }
            try
            {
                results.Add(SlurmImporter.Read(file.ToString(), bytes, options));
            }
            catch (SlurmFormatException e)
            {
                await error.WriteLineAsync($"cradle: {e.Message}. Nothing was imported.").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }
        }
        // All files in one transaction: each file whole, and the import whole (a record already in the store refuses it all).
        var outcomes = new List<SlurmFileOutcome>();
        var exit = ExitCodes.Success;
        string storePath;
        try
        {
            storePath = StoreOption.Resolve(storeGiven).Location;
        }
        catch (StoreException e)
        {
            await error.WriteLineAsync($"cradle: {e.Message} Nothing was imported.").ConfigureAwait(false);
            return ExitCodes.Environment;
        }

        try
        {
            using var store = RunStores.Open(storePath);
            try
            {
                var ids = store.ImportRuns(results.SelectMany(r => r.Runs).ToList()).Select(r => r.Id).ToList();
                var at = 0;
                foreach (var result in results)
                {
                    outcomes.Add(new SlurmFileOutcome(result, ids.GetRange(at, result.Runs.Count), null));
                    at += result.Runs.Count;
                }
            }
            catch (StoreException e) when (e.Code == "already-imported")
            {
                await error.WriteLineAsync($"cradle: {e.Message}").ConfigureAwait(false);
                outcomes.AddRange(results.Select(r => new SlurmFileOutcome(r, [], e.Message)));
                exit = ExitCodes.InvalidInput;
            }
        }
        catch (StoreException e)
        {
            await error.WriteLineAsync($"cradle: cannot use the run store '{StoreOption.Display(storePath)}': {e.Message}").ConfigureAwait(false);
            return ExitCodes.Environment;
        }
        var report = new SlurmImportReport(outcomes, options, StoreOption.Display(storePath));
        if (json)
        {
            SlurmImportRenderer.Json(report, output);
        }
        else
        {
            SlurmImportRenderer.Text(report, output);
        }
        return exit;
    }
}
