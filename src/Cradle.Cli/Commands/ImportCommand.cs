using System.CommandLine;

namespace Cradle.Cli.Commands;

/// <summary><c>cradle import …</c>: runs that other tools measured, brought into the run store with their provenance.</summary>
public static class ImportCommand
{
    /// <summary>Builds the command group and its subcommands (one per source).</summary>
    public static Command Build(TextWriter output, TextWriter error)
    {
        var command = new Command("import",
            "Import runs that other tools measured or accounted (docs/importing.md) into the run store, each labelled measured " +
            "or modelled by whom, one transaction per file. " + ExitCodes.Help);
        command.Subcommands.Add(ImportSlurmCommand.Build(output, error));
        return command;
    }
}
