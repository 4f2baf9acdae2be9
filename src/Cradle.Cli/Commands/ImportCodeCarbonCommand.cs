using System.CommandLine;
using Cradle.Catalog.Model;
using Cradle.Cli.Importing;
using Cradle.Cli.Input;
using Cradle.Import.CodeCarbon;
using Cradle.Store;
using Cradle.Store.Postgres;
using Cradle.Store.Sqlite;

namespace Cradle.Cli.Commands;

/// <summary><c>cradle import codecarbon FILE… [--store PATH] [--job ID] [--group] [--site ID] [--utc-offset ±HH:MM]</c>.</summary>
internal static class ImportCodeCarbonCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var files = new Argument<FileInfo[]>("FILE")
        {
            Description = "CodeCarbon emissions.csv files (any release from 1.x to 3.x; task files too).",
            Arity = ArgumentArity.OneOrMore,
            CustomParser = result => FilePaths.All(result, "FILE"),
        };
        var store = StoreOption.ForRuns();
        var job = new Option<string?>("--job") { Description = "The batch job the runs belong to (e.g. $SLURM_JOB_ID): 'cradle runs list' and studies read them together.", HelpName = "ID" };
        var group = new Option<bool>("--group")
        {
            Description = "Make one run of all rows of all files (the ranks or nodes of one job: codecarbon#544), with a cpu/gpu/ram sensor " +
                "per row, instead of one run per row.",
        };
        var site = new Option<string?>("--site")
        {
            Description = "A catalog grid, cloud region or data-centre fleet for every run, in place of the one each row's country or cloud " +
                "region maps to.",
            HelpName = "ID",
        };
        var offset = new Option<string?>("--utc-offset")
        {
            Description = "The offset of the machines' local time (CodeCarbon writes timestamps in local time without a zone), e.g. +02:00. " +
                "Default: the timestamps are read as UTC.",
            HelpName = "±HH:MM",
        };
        var catalogFiles = CatalogFilesOption.Create();
        var command = new Command("codecarbon",
            "Import CodeCarbon emissions.csv files: one run per row (or one for all rows with --group), energy per component " +
            "(cpu, gpu, ram; the total only for 1.x) as IT energy — the PUE CodeCarbon applied (2.2.3 and later) divided out, so a " +
            "study applies its site's PUE once — each labelled measured or modelled by CodeCarbon with the reason (constant CPU " +
            "power, process tracking mode, RAM always modelled). Columns are read by name. Any problem in any file (a truncated " +
            "row, a renamed column, text in a number) is reported with file, line and column, and nothing is imported. " + ExitCodes.Help)
        {
            files, store, job, group, site, offset, catalogFiles,
        };
        command.SetAction((parse, _) => RunAsync(
            parse.GetValue(files)!, parse.GetValue(store), parse.GetValue(job), parse.GetValue(group),
            parse.GetValue(site), parse.GetValue(offset), parse.GetValue(catalogFiles) ?? [], output, error));
        return command;
    }

    private static async Task<int> RunAsync(
        FileInfo[] files, string? storeGiven, string? job, bool group, string? siteId, string? offsetText, FileInfo[] catalogFiles, TextWriter output, TextWriter error)
    {
        if (job is { Length: 0 })
        {
            await error.WriteLineAsync("cradle: --job expects a job id; got an empty one.").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        if (UtcOffsetText.Parse(offsetText) is not { } offset)
        {
            await error.WriteLineAsync($"cradle: --utc-offset expects ±HH:MM between -14:00 and +14:00, e.g. +02:00; got '{offsetText}'.").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        var (loaded, catalogExit) = await CatalogFilesOption.LoadAsync(catalogFiles, error).ConfigureAwait(false);
        if (loaded is not { } catalog)
        {
            return catalogExit;
        }

        string? site = null;
        if (siteId is not null)
        {
            string[] kinds = [CatalogKinds.Grid, CatalogKinds.CloudRegion, CatalogKinds.Datacentre];
            if (catalog.Find(siteId, kinds) is not { } entry)
            {
                var closest = catalog.Suggest(siteId, kinds);
                var hint = closest.Count > 0 ? $" Did you mean {string.Join(", ", closest)}?" : "";
                await error.WriteLineAsync($"cradle: --site '{siteId}' is not a grid, cloud region or data-centre fleet of the catalog.{hint} Nothing was imported.").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }
            site = entry.Id;
        }

        var inputs = new List<CodeCarbonInput>();
        foreach (var file in files)
        {
            try
            {
                inputs.Add(new CodeCarbonInput(file.ToString(), InputFile.ReadBytes(file.FullName, InputKind.Log), file.DirectoryName ?? Environment.CurrentDirectory));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"cradle: cannot read '{file}': {e.Message} Nothing was imported.").ConfigureAwait(false);
                return ExitCodes.Environment;
            }
        }

        var import = CodeCarbonImporter.Read(inputs, new CodeCarbonImportOptions(job, group, site, offset), catalog);
        if (!import.Succeeded)
        {
            foreach (var problem in import.Problems)
            {
                await error.WriteLineAsync($"cradle: {Syntax.Printable.Escape(problem.ToString())}").ConfigureAwait(false);
            }
            await error.WriteLineAsync($"cradle: {import.Problems.Count} problem(s); nothing was imported.").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        IReadOnlyList<Run> stored;
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
            using var runStore = RunStores.Open(storePath);
            stored = runStore.ImportRuns(import.Runs);
        }
        catch (StoreException e) when (e.Code is "already-imported" or "duplicate-run-name")
        {
            await error.WriteLineAsync($"cradle: {e.Message}").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }
        catch (StoreException e)
        {
            await error.WriteLineAsync($"cradle: cannot use the run store '{StoreOption.Display(storePath)}': {e.Message} Nothing was imported.").ConfigureAwait(false);
            return ExitCodes.Environment;
        }

        ImportSummary.Write(stored, import, inputs.Count, StoreOption.Display(storePath), output);
        return ExitCodes.Success;
    }
}
