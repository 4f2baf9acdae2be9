using System.Reflection;
using Cradle.Results;
using Cradle.Studies.Assessment;

namespace Cradle.Cli.Commands;

/// <summary>Where a result of this tool came from: its name and version, and the files of the run.</summary>
public static class RunProvenance
{
    /// <summary>The tool's name in the results.</summary>
    public const string Tool = "cradle";

    /// <summary>The assembly's informational version ("0.9.0+3f2a1c…"), or its version when it has none.</summary>
    public static string Version { get; } =
        typeof(RunProvenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(RunProvenance).Assembly.GetName().Version?.ToString()
        ?? throw new InvalidOperationException("the Cradle assembly has no version");

    /// <summary>
    /// The provenance of assessing <paramref name="studyText"/> (read from <paramref name="studyFile"/>) with the
    /// catalog files of <paramref name="run"/> (--catalog, then the study's own, in the order read).
    /// </summary>
    internal static ResultProvenance Of(string studyFile, string studyText, StudyRun run) =>
        ProvenanceOfResults.Of(Tool, Version, studyFile, studyText, run.CatalogFiles.Concat(run.StudyCatalogFiles));
}
