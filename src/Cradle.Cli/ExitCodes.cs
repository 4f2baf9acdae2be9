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
}
