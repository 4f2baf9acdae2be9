namespace Cradle.Import.MlEnergy;

/// <summary>
/// A path named on the command line that is not laid out as the leaderboard's data folder (a record file outside
/// <c>&lt;task&gt;/&lt;GPU&gt;/&lt;org&gt;/&lt;model&gt;/</c>, no models.json in the task folder, a folder with no record):
/// nothing of the import is stored.
/// </summary>
public sealed class MlEnergyLayoutException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="path">The file or folder at fault.</param>
    /// <param name="problem">What is wrong and what was expected.</param>
    public MlEnergyLayoutException(string path, string problem) : base($"{path}: {problem}")
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>The file or folder at fault.</summary>
    public string Path { get; }

    /// <summary>What is wrong and what was expected.</summary>
    public string Problem { get; }

    /// <summary>Not used: every error names its path.</summary>
    public MlEnergyLayoutException() : this("?", "not an ML.ENERGY data folder") { }

    /// <summary>Not used: every error names its path.</summary>
    public MlEnergyLayoutException(string message) : this("?", message) { }

    /// <summary>Not used: every error names its path.</summary>
    public MlEnergyLayoutException(string message, Exception innerException) : base(message, innerException)
    {
        Path = "?";
        Problem = message;
    }
}
