using System.CommandLine.Parsing;

namespace Cradle.Cli.Commands;

/// <summary>
/// Parses file paths given on the command line: an empty path, or one .NET cannot take (a NUL character), is a parse
/// error naming the option or argument (exit code 1), not a type-conversion message.
/// </summary>
internal static class FilePaths
{
    /// <summary>Every path given.</summary>
    public static FileInfo[] All(ArgumentResult result, string name)
    {
        var files = new List<FileInfo>();
        foreach (var token in result.Tokens)
        {
            if (token.Value.Length == 0)
            {
                result.AddError($"{name} expects a file path; got an empty one.");
            }
            else if (token.Value.Contains('\0', StringComparison.Ordinal))
            {
                result.AddError($"{name} expects a file path; '{token.Value.Replace("\0", "\\0", StringComparison.Ordinal)}' contains a NUL character.");
            }
            else
            {
                files.Add(new FileInfo(token.Value));
            }
        }
        return [.. files];
    }

    /// <summary>The one path given.</summary>
    public static FileInfo? One(ArgumentResult result, string name) => All(result, name).FirstOrDefault();
}
