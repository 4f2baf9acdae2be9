using System.CommandLine;
using Cradle.Cli.Importing;
using Cradle.Interchange.Background;
using Cradle.Interchange.Reading;
using Cradle.Store;
using Cradle.Store.Backgrounds;
using Cradle.Store.Postgres;

namespace Cradle.Cli.Commands;

/// <summary>
/// <c>cradle import openlca-jsonld PACKAGE [-o FILE] [--store PATH|URI] [--name NAME --version VERSION]</c>: reads an openLCA
/// JSON-LD package and reports what it holds and leaves open; with -o, keeps it as a Cradle background file
/// (<see cref="BackgroundDatabaseFile"/>); with --store, keeps the same file's bytes in the run store (studies name it
/// <c>store: NAME</c>).
/// </summary>
public static class ImportOpenLcaCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build(TextWriter writer, TextWriter error)
    {
        var package = new Argument<string>("PACKAGE") { Description = "An openLCA JSON-LD export: the zip, or a folder holding what the zip holds (openLCA 1.x or 2.x)." };
        var format = new Option<string>("--format", "-f") { Description = "'table' for people, 'json' (schema cradle.import-openlca-jsonld/1) for programs.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var keep = new Option<string?>("--output", "-o") { Description = "Keep the package as a Cradle background database in FILE (a zip: a manifest, then the package's entries unchanged); needs --name and --version." };
        var name = new Option<string?>("--name") { Description = "The background database's name, as studies will link to it (with -o)." };
        var version = new Option<string?>("--version") { Description = "The background database's version, as studies will link to it (with -o)." };
        var store = StoreOption.ForRuns();
        // Only a store given here keeps the database: an import never writes to the default store unasked.
        store.Description = "Keep the background database in this run store (the bytes -o would write), for studies to name with 'store: NAME'; needs --name and --version. Only an explicit --store keeps it (no default store). A SQLite file or postgres:// URI (docs/run-store.md).";
        var command = new Command("openlca-jsonld",
            "Read an openLCA JSON-LD package (docs/interchange.md) whole: processes, flows, flow properties, unit groups, LCIA methods " +
            "and categories, product systems and locations, every exchange converted to its flow's reference unit. Prints the counts " +
            "per type, the product systems with their reference, and what the package leaves open (cut-off providers, multi-output " +
            "processes with the allocation they state, processes without a quantitative reference, unknown units). A malformed " +
            "entry refuses the package, naming the file and field. Nothing is stored unless -o FILE is given with --name and --version: " +
            "then the package is kept whole in FILE with a manifest (name, version, SHA-256 of its entries, findings) for studies to link to. " + ExitCodes.Help)
        {
            package, format, keep, name, version, store,
        };
        command.SetAction(async (parse, _) =>
        {
            var path = parse.GetValue(package)!;
            var output = parse.GetValue(keep);
            var storeGiven = parse.GetValue(store);
            var (dbName, dbVersion) = (parse.GetValue(name), parse.GetValue(version));
            if (output is null && storeGiven is null && (dbName is not null || dbVersion is not null))
            {
                await error.WriteLineAsync("cradle: --name and --version name the background database kept with -o FILE or --store PATH|URI; give one of them too. Nothing was kept.").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }
            if ((output is not null || storeGiven is not null) && (string.IsNullOrWhiteSpace(dbName) || string.IsNullOrWhiteSpace(dbVersion)))
            {
                await error.WriteLineAsync($"cradle: {(output is not null ? "-o" : "--store")} keeps a background database for studies to link to by name and version: give --name NAME and --version VERSION. Nothing was kept.").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }
            BackgroundDatabase db;
            BackgroundManifest? kept = null;
            string? temporary = null;
            byte[]? content = null;
            try
            {
                db = OpenLcaPackageReader.Read(path);
                if (output is not null || storeGiven is not null)
                {
                    // Write reads the package again (it keeps the entries, not the database): the database shown is the one kept.
                    // The store keeps the very bytes -o writes: without -o they go through a temporary file.
                    var file = output ?? (temporary = Path.Combine(Path.GetTempPath(), $"cradle-background-{Guid.NewGuid():N}.zip"));
                    kept = BackgroundDatabaseFile.Write(path, dbName!, dbVersion!, file, $"{RunProvenance.Tool} {RunProvenance.Version}", DateTimeOffset.UtcNow);
                    content = storeGiven is null ? null : await File.ReadAllBytesAsync(file, _).ConfigureAwait(false);
                }
            }
            catch (ArgumentException e)
            {
                await error.WriteLineAsync($"cradle: {e.Message} Nothing was kept.").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }
            catch (OpenLcaPackageException e)
            {
                await error.WriteLineAsync($"cradle: the package '{path}' is refused, nothing was kept: {e.Message}").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                var what = output is null ? $"read '{path}'" : $"read '{path}' or write '{output}'";
                await error.WriteLineAsync($"cradle: cannot {what}: {e.Message} Nothing was kept.").ConfigureAwait(false);
                return ExitCodes.Environment;
            }
            finally
            {
                if (temporary is not null && File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
            }
            OpenLcaImportRenderer.KeptInStore? inStore = null;
            if (storeGiven is not null)
            {
                var shown = StoreOption.Display(storeGiven);
                try
                {
                    using var runStore = RunStores.Open(storeGiven);
                    var (stored, created) = runStore.AddBackground(new NewBackground(
                        kept!.Name, kept.Version, kept.PackageSha256, kept.Source, kept.ImportedWith, kept.ImportedAt, content!));
                    inStore = new OpenLcaImportRenderer.KeptInStore(shown, stored, created);
                }
                catch (StoreException e) when (e.Code == "background-conflict")
                {
                    await error.WriteLineAsync($"cradle: {e.Message}").ConfigureAwait(false);
                    return ExitCodes.InvalidInput;
                }
                catch (StoreException e)
                {
                    await error.WriteLineAsync($"cradle: cannot use the run store '{shown}': {e.Message} Nothing was kept in it.").ConfigureAwait(false);
                    return ExitCodes.Environment;
                }
            }
            var inFile = kept is null || output is null ? ((string, BackgroundManifest)?)null : (output, kept);
            if (parse.GetValue(format) == "json")
            {
                OpenLcaImportRenderer.Json(db, inFile, writer, inStore);
            }
            else
            {
                OpenLcaImportRenderer.Text(db, inFile, writer, inStore);
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
