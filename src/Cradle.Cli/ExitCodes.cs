namespace Cradle.Cli;

/// <summary>Process exit codes (DESIGN.md, "Errors").</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;
    /// <summary>The user's input is invalid (study errors, bad options).</summary>
    public const int InvalidInput = 1;
    /// <summary>The environment: an unreadable file, a missing permission.</summary>
    public const int Environment = 2;
    /// <summary>A bug in Cradle.</summary>
    public const int Bug = 3;

    /// <summary>The exit codes as every command's help states them.</summary>
    public const string Help =
        "Exit codes: 0 success; 1 invalid input (a study, a catalog file, an option, or a run too large for memory); " +
        "2 a file named on the command line that cannot be read (missing, a directory or device, over the size limit) or written; " +
        "3 a bug in Cradle.";
}
