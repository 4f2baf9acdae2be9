using Cradle.Catalog;
using Cradle.Cli.Commands;
using Cradle.Measure.Running;
using Cradle.Measure.Sampling;
using Cradle.Reports;
using Cradle.Results;
using Cradle.Store;
using Cradle.Studies.Assessment;
using Cradle.Studies;
using Cradle.Trends.Epoch;

namespace Cradle.Cli;

/// <summary>
/// The one mapping from the exceptions Cradle expects to its exit codes (<see cref="ExitCodes"/>): every command's catch
/// asks here which code a failure is, so that one kind of failure has one code in every command. What is not listed
/// here is not expected, and <see cref="CradleApp"/> reports it as a bug (3).
/// </summary>
internal static class Failures
{
    /// <summary>The exit code of <paramref name="e"/>: 1 invalid input, 2 the environment, 3 a bug.</summary>
    public static int ExitCodeOf(Exception e) => e switch
    {
        // The user's input: a study, a catalog file, results or a dataset that cannot be used as written, an option
        // that asks for too much, an output file that is an input, a run that is not there or cannot be changed.
        StudyException or CatalogException or Core.Engine.EngineException or ResultsFormatException or ReportException
            or EpochFormatException or SamplingTooLargeException or OutputClashException
            or DuplicateRunNameException or RunNotWritableException or RunNotFoundException => ExitCodes.InvalidInput,
        // The environment: a file that cannot be read or written, a store that cannot be opened, a program that cannot
        // be started, sensors that cannot be read.
        IOException or UnauthorizedAccessException or OutputWriteException or StudyCommandRunner.UnreadableStudyException
            or StoreException or ChildStartException or SamplerException => ExitCodes.Environment,
        _ => ExitCodes.Bug,
    };
}
