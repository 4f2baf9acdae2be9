using System.CommandLine;

namespace Cradle.Cli.Commands;

/// <summary><c>cradle import codecarbon|slurm|mlenergy|openlca-jsonld</c>: runs other tools measured or accounted, stored in the run store with their provenance.</summary>
public static class ImportCommand
{
    /// <summary>Builds the command group and its subcommands (one per source).</summary>
    public static Command Build(TextWriter output, TextWriter error)
    {
        var command = new Command("import",
            "Import runs that other tools measured or accounted (docs/importing.md) into the run store, each component labelled " +
            "measured or modelled by whom, with the file, checksum and line it came from; a file is imported whole or not at all, " +
            "and never twice; 'openlca-jsonld' reads an openLCA package and reports it (nothing stored yet). " + ExitCodes.Help);
        command.Subcommands.Add(ImportCodeCarbonCommand.Build(output, error));
        command.Subcommands.Add(ImportSlurmCommand.Build(output, error));
        command.Subcommands.Add(ImportMlEnergyCommand.Build(output, error));
        command.Subcommands.Add(ImportOpenLcaCommand.Build(output, error));
        return command;
    }
}
