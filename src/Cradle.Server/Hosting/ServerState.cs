using System.Reflection;
using Cradle.Store;

namespace Cradle.Server.Hosting;

/// <summary>What every endpoint reads: the options, the run store (safe for concurrent use: see
/// <see cref="IRunStore"/>), the clock and the tool version that stored studies and results are stamped with.</summary>
/// <param name="Options">The server's options.</param>
/// <param name="Store">The run store served.</param>
/// <param name="Time">The clock (a fake one in tests).</param>
public sealed record ServerState(ServerOptions Options, IRunStore Store, TimeProvider Time)
{
    /// <summary>The store as a study's run source: where <c>from_run</c> and <c>from_job</c> values are read.</summary>
    public Cradle.Studies.Runs.IRunSource Runs { get; } = Cradle.Runs.StoreRunSource.Over(Store, Options.StoreDisplay);

    /// <summary>The tool's name in results and stored studies, as the CLI writes it.</summary>
    public const string Tool = "cradle";

    /// <summary>Cradle's informational version ("0.1.0+3f2a1c…"), the same the CLI puts in its results (every
    /// assembly shares one version, Directory.Build.props).</summary>
    public static string ToolVersion { get; } =
        typeof(ServerState).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ServerState).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
