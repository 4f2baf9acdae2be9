using System.CommandLine;
using Cradle.Cli.Importing;
using Cradle.Interchange.Background;
using Cradle.Interchange.Reading;

namespace Cradle.Cli.Commands;

/// <summary>
/// <c>cradle import openlca-jsonld PACKAGE [-o FILE --name NAME --version VERSION]</c>: reads an openLCA JSON-LD package and
/// reports what it holds and leaves open; with -o, keeps it as a Cradle background file (<see cref="BackgroundDatabaseFile"/>).
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
        var command = new Command("openlca-jsonld",
            "Read an openLCA JSON-LD package (docs/interchange.md) whole: processes, flows, flow properties, unit groups, LCIA methods " +
            "and categories, product systems and locations, every exchange converted to its flow's reference unit. Prints the counts " +
            "per type, the product systems with their reference, and what the package leaves open (cut-off providers, multi-output " +
            "processes with the allocation they state, processes without a quantitative reference, unknown units). A malformed " +
            "entry refuses the package, naming the file and field. Nothing is stored unless -o FILE is given with --name and --version: " +
            "then the package is kept whole in FILE with a manifest (name, version, SHA-256 of its entries, findings) for studies to link to. " + ExitCodes.Help)
        {
            package, format, keep, name, version,
        };
        command.SetAction(async (parse, _) =>
        {
            var path = parse.GetValue(package)!;
            var output = parse.GetValue(keep);
            var (dbName, dbVersion) = (parse.GetValue(name), parse.GetValue(version));
            if (output is null && (dbName is not null || dbVersion is not null))
            {
                await error.WriteLineAsync("cradle: --name and --version name the background database kept with -o FILE; give -o too. Nothing was kept.").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }
            if (output is not null && (string.IsNullOrWhiteSpace(dbName) || string.IsNullOrWhiteSpace(dbVersion)))
            {
                await error.WriteLineAsync("cradle: -o keeps a background database for studies to link to by name and version: give --name NAME and --version VERSION. Nothing was kept.").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }
            BackgroundDatabase db;
            BackgroundManifest? kept = null;
            try
            {
                db = OpenLcaPackageReader.Read(path);
                if (output is not null)
                {
                    // Write reads the package again (it keeps the entries, not the database): the database shown is the one kept.
                    kept = BackgroundDatabaseFile.Write(path, dbName!, dbVersion!, output, $"{RunProvenance.Tool} {RunProvenance.Version}", DateTimeOffset.UtcNow);
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
            if (parse.GetValue(format) == "json")
            {
                OpenLcaImportRenderer.Json(db, kept is null ? null : (output!, kept), writer);
            }
            else
            {
                OpenLcaImportRenderer.Text(db, kept is null ? null : (output!, kept), writer);
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
