using System.CommandLine;
using Cradle.Interchange.Writing;
using Cradle.Studies.Assessment;

namespace Cradle.Cli.Commands;

/// <summary><c>cradle export STUDY --format openlca-jsonld -o FILE [--catalog FILE…] [--store PATH|URI]</c>.</summary>
public static class ExportCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build(TextWriter output, TextWriter error)
    {
        var study = new Argument<FileInfo>("STUDY")
        {
            Description = "The study file (YAML, format 'cradle: 1'); see docs/study-format.md.",
            CustomParser = result => FilePaths.One(result, "STUDY"),
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "The package format: 'openlca-jsonld' (an olca-schema 2.x zip that openLCA 2 imports; docs/interchange.md).",
            Required = true,
        };
        format.AcceptOnlyFromAmong("openlca-jsonld");
        var outputFile = new Option<FileInfo?>("--output", "-o")
        {
            Description = "The zip file to write (not an input file).",
            HelpName = "FILE",
            Required = true,
            CustomParser = result => FilePaths.One(result, "--output"),
        };
        var catalogFiles = CatalogFilesOption.Create();
        var store = StoreOption.Create();
        var command = new Command("export",
            "Export a study's compiled product system for another LCA tool: every alternative's processes with their exchanges " +
            "(evaluated at the parameters' values), the products and elementary flows, their units mapped to openLCA's reference " +
            "units, the impact method with its characterisation factors, and one product system per alternative with the functional " +
            "unit as its target. Ids are derived from Cradle's ids, and the same study gives the same bytes. What is lost " +
            "(parameters as formulas, uncertainty, provenance) is listed in docs/interchange.md. " + ExitCodes.Help)
        {
            study, format, outputFile, catalogFiles, store,
        };
        command.SetAction((parse, _) => RunAsync(
            parse.GetValue(study)!, parse.GetValue(outputFile)!, parse.GetValue(catalogFiles)!, parse.GetValue(store), output, error));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo studyFile, FileInfo outputFile, FileInfo[] catalogFiles, string? store, TextWriter output, TextWriter error) =>
        await StudyCommandRunner.RunAsync([studyFile], catalogFiles, outputFile, store, error, async run =>
        {
            var text = StudyCommandRunner.ReadStudy(studyFile);
            var (definition, alternatives, _) = StudyAssessor.Compile(text, studyFile.ToString(), run.CatalogFiles, run.ReadCatalogFile, run.Runs, run.BackgroundFor(studyFile.ToString()));
            run.CheckOutputs();
            if (Directory.Exists(outputFile.FullName))
            {
                await error.WriteLineAsync($"cradle: cannot write '{outputFile}': it is a directory; name a file.").ConfigureAwait(false);
                return ExitCodes.Environment;
            }
            // The package is made in memory first, so a study that cannot be exported leaves no half-written file.
            using var package = new MemoryStream();
            OlcaExport.Write(definition.Name, alternatives, package);
            try
            {
                await File.WriteAllBytesAsync(outputFile.FullName, package.ToArray()).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"cradle: cannot write '{outputFile}': {e.Message}").ConfigureAwait(false);
                return Failures.ExitCodeOf(e);
            }
            await output.WriteLineAsync($"openLCA JSON-LD package (olca-schema 2) of {alternatives.Count} product system(s) written to {outputFile}.").ConfigureAwait(false);
            return ExitCodes.Success;
        }).ConfigureAwait(false);
}
