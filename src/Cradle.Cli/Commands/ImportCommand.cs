using System.CommandLine;

namespace Cradle.Cli.Commands;

/// <summary><c>cradle import codecarbon|…</c>: runs other tools measured, stored in the run store with their provenance.</summary>
public static class ImportCommand
{
    /// <summary>Builds the command group and its subcommands (one per source).</summary>
    public static Command Build(TextWriter output, TextWriter error)
    {
        var command = new Command("import",
            "Import runs that other tools measured (docs/importing.md) into the run store, each component labelled measured or " +
            "modelled by that tool, with the file, checksum and line it came from; a file is imported whole or not at all, and " +
            "never twice. " + ExitCodes.Help);
        command.Subcommands.Add(ImportCodeCarbonCommand.Build(output, error));
        return command;
    }
}
