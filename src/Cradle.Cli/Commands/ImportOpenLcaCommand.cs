using System.CommandLine;
using Cradle.Cli.Importing;
using Cradle.Interchange.Reading;

namespace Cradle.Cli.Commands;

/// <summary><c>cradle import openlca-jsonld PACKAGE</c>: reads an openLCA JSON-LD package and reports what it holds and leaves open.</summary>
public static class ImportOpenLcaCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build(TextWriter output, TextWriter error)
    {
        var package = new Argument<string>("PACKAGE") { Description = "An openLCA JSON-LD export: the zip, or a folder holding what the zip holds (openLCA 1.x or 2.x)." };
        var format = new Option<string>("--format", "-f") { Description = "'table' for people, 'json' (schema cradle.import-openlca-jsonld/1) for programs.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("openlca-jsonld",
            "Read an openLCA JSON-LD package (docs/interchange.md) whole: processes, flows, flow properties, unit groups, LCIA methods " +
            "and categories, product systems and locations, every exchange converted to its flow's reference unit. Prints the counts " +
            "per type, the product systems with their reference, and what the package leaves open (cut-off providers, multi-output " +
            "processes with the allocation they state, processes without a quantitative reference, unknown units). A malformed " +
            "entry refuses the package, naming the file and field. Nothing is stored yet. " + ExitCodes.Help)
        {
            package, format,
        };
        command.SetAction(async (parse, _) =>
        {
            var path = parse.GetValue(package)!;
            BackgroundDatabase db;
            try
            {
                db = OpenLcaPackageReader.Read(path);
            }
            catch (OpenLcaPackageException e)
            {
                await error.WriteLineAsync($"cradle: the package '{path}' is refused, nothing was kept: {e.Message}").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"cradle: cannot read '{path}': {e.Message} Nothing was kept.").ConfigureAwait(false);
                return ExitCodes.Environment;
            }
            if (parse.GetValue(format) == "json")
            {
                OpenLcaImportRenderer.Json(db, output);
            }
            else
            {
                OpenLcaImportRenderer.Text(db, output);
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
