using Cradle.Cli.Input;

namespace Cradle.Cli.Commands;

/// <summary>
/// The <c>-o/--output FILE</c> option, and the one place results are written to a file: the file is opened only once
/// the results are ready, and never when it is one of the command's inputs (a study overwritten by its own results
/// would be lost).
/// </summary>
internal static class OutputFile
{
    public static System.CommandLine.Option<FileInfo?> Create(string what) => new("--output", "-o")
    {
        Description = $"Write {what} to this file instead of standard output (not to an input file).",
        HelpName = "FILE",
        CustomParser = result => FilePaths.One(result, "--output"),
    };

    /// <summary>
    /// The message refusing <paramref name="output"/> (given as <paramref name="option"/>) because it is one of
    /// <paramref name="inputs"/>, or null when it is none of them. Files are compared by <see cref="FileIdentity"/>: the
    /// same file by another path, through a linked directory or a hard link, is the same file.
    /// </summary>
    public static string? Clash(FileInfo? output, string option, IEnumerable<FileInfo> inputs)
    {
        if (output is null)
        {
            return null;
        }
        var target = FileIdentity.Of(output.FullName);
        var input = inputs.FirstOrDefault(i => FileIdentity.Of(i.FullName).SameAs(target));
        return input is null ? null
            : $"cradle: {option} '{output}' is the input file '{input}'; writing there would overwrite it. Name another file.";
    }

    /// <summary>Renders to <paramref name="file"/>, or to <paramref name="output"/> when it is null; returns the exit code.</summary>
    public static async Task<int> WriteAsync(FileInfo? file, Action<TextWriter> render, TextWriter output, TextWriter error, bool confirm = false)
    {
        if (file is null)
        {
            render(output);
            return ExitCodes.Success;
        }
        if (Directory.Exists(file.FullName))
        {
            await error.WriteLineAsync($"cradle: cannot write '{file}': it is a directory; name a file.").ConfigureAwait(false);
            return ExitCodes.Environment;
        }
        try
        {
            await using var writer = new StreamWriter(file.FullName);
            render(writer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"cradle: cannot write '{file}': {e.Message}").ConfigureAwait(false);
            return Failures.ExitCodeOf(e);
        }
        if (confirm)
        {
            await output.WriteLineAsync($"Results written to {file}.").ConfigureAwait(false);
        }
        return ExitCodes.Success;
    }
}
