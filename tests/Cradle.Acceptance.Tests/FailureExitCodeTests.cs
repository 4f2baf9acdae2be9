using Cradle.Cli;
using Cradle.Results;

namespace Cradle.Acceptance.Tests;

/// <summary>The one mapping from failures to exit codes gives each kind of failure the code the help text documents.</summary>
public sealed class FailureExitCodeTests
{
    [Fact]
    public void Input_failures_are_one_environment_failures_two_and_anything_else_a_bug()
    {
        Assert.Equal(ExitCodes.InvalidInput, Failures.ExitCodeOf(new ResultsFormatException("not results")));
        Assert.Equal(ExitCodes.InvalidInput, Failures.ExitCodeOf(new Cradle.Reports.ReportException("no such alternative")));
        Assert.Equal(ExitCodes.InvalidInput, Failures.ExitCodeOf(new Cradle.Store.DuplicateRunNameException("a", "r1")));
        Assert.Equal(ExitCodes.Environment, Failures.ExitCodeOf(new IOException("disk full")));
        Assert.Equal(ExitCodes.Environment, Failures.ExitCodeOf(new UnauthorizedAccessException("denied")));
        Assert.Equal(ExitCodes.Environment, Failures.ExitCodeOf(new Cradle.Store.StoreException("locked", "the store is locked")));
        Assert.Equal(ExitCodes.Bug, Failures.ExitCodeOf(new InvalidOperationException("a bug")));
        Assert.Equal(ExitCodes.Bug, Failures.ExitCodeOf(new KeyNotFoundException("a missing key")));
    }
}
