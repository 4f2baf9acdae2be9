using System.Diagnostics;
using Cradle.Cli.Input;

namespace Cradle.Acceptance.Tests;

/// <summary>
/// <c>-o/--output</c> and <c>--report</c> are refused when they name an input by any road: a catalog file the study
/// itself names (<c>catalog:</c>), the study through a linked directory, or the study through a hard link; and the
/// device and inode they are compared by are read as stat(1) reads them.
/// </summary>
public sealed class OutputFileIdentityTests
{
    // A valid catalog file, so that only the clash can refuse the run.
    private const string Catalog = "catalog: 1\nkind: bibliography\nentries:\n  - {key: our-audit, authors: Us, title: Our audit, year: 2026, licence: CC BY 4.0}\n";

    [Theory]
    [InlineData("assess")]
    [InlineData("compare")]
    [InlineData("sensitivity")]
    [InlineData("breakeven")]
    public async Task The_output_file_may_not_be_a_catalog_file_the_study_names(string command)
    {
        using var temp = new TempDirectory();
        var lab = temp.Write("lab.yaml", Catalog);
        var study = temp.Write("s2.yaml", await File.ReadAllTextAsync(Repository.Example) + "\ncatalog: [lab.yaml]\n");
        var run = await CliRunner.InProcessAsync(command, study, "-o", lab);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"--output '{lab}' is the input file '{lab}'; writing there would overwrite it.", run.Error, StringComparison.Ordinal);
        Assert.Equal(Catalog, await File.ReadAllTextAsync(lab));
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task The_report_may_not_be_a_catalog_file_the_study_names_and_then_nothing_is_written()
    {
        using var temp = new TempDirectory();
        var lab = temp.Write("lab.md", Catalog);
        var study = temp.Write("s2.yaml", await File.ReadAllTextAsync(Repository.Example) + "\ncatalog: [lab.md]\n");
        var results = temp.File("results.json");
        var run = await CliRunner.InProcessAsync("assess", study, "--report", lab, "-o", results);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"--report '{lab}' is the input file '{lab}'", run.Error, StringComparison.Ordinal);
        Assert.Equal(Catalog, await File.ReadAllTextAsync(lab));
        Assert.False(File.Exists(results));
    }

    [Fact]
    public async Task The_output_file_may_not_be_the_study_through_a_linked_directory()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("real"));
        var study = temp.Example(Path.Combine("real", "s.yaml"));
        var before = await File.ReadAllTextAsync(study);
        Directory.CreateSymbolicLink(temp.File("dirlink"), temp.File("real"));
        var target = temp.File(Path.Combine("dirlink", "s.yaml"));
        foreach (var command in new[] { "assess", "breakeven" })
        {
            var run = await CliRunner.InProcessAsync(command, study, "-o", target);
            Assert.Equal(1, run.ExitCode);
            Assert.Contains($"--output '{target}' is the input file '{study}'", run.Error, StringComparison.Ordinal);
            Assert.Equal(before, await File.ReadAllTextAsync(study));
        }
    }

    [Fact]
    public async Task The_output_file_may_not_be_the_study_through_a_hard_link()
    {
        using var temp = new TempDirectory();
        var study = temp.Example("s.yaml");
        var before = await File.ReadAllTextAsync(study);
        var hard = temp.File("hard.yaml");
        // For --report, a hard link named as a report: a name like the study's would be refused for the name alone.
        var hardReport = temp.File("hard.md");
        Assert.Equal("", await RunAsync("ln", study, hard));
        Assert.Equal("", await RunAsync("ln", study, hardReport));
        foreach (var (command, option, target) in new[] { ("assess", "--output", hard), ("assess", "--report", hardReport), ("sensitivity", "--output", hard) })
        {
            var run = await CliRunner.InProcessAsync(command, study, option, target);
            Assert.Equal(1, run.ExitCode);
            Assert.Contains($"{option} '{target}' is the input file '{study}'", run.Error, StringComparison.Ordinal);
            Assert.Equal(before, await File.ReadAllTextAsync(study));
        }
    }

    [Fact]
    public async Task Two_output_files_not_yet_written_are_the_same_through_a_linked_directory()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("real"));
        Directory.CreateSymbolicLink(temp.File("dirlink"), temp.File("real"));
        var report = temp.File(Path.Combine("real", "r.md"));
        var output = temp.File(Path.Combine("dirlink", "r.md"));
        var run = await CliRunner.InProcessAsync("assess", Repository.Example, "--report", report, "-o", output);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"--report '{report}' is also the --output file", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(report));
    }

    [Fact]
    public async Task A_distinct_file_that_exists_is_not_refused()
    {
        using var temp = new TempDirectory();
        var study = temp.Example("s.yaml");
        var other = temp.Write("other.txt", "old\n");
        var run = await CliRunner.InProcessAsync("assess", study, "-o", other);
        Assert.Equal(0, run.ExitCode);
        Assert.NotEqual("old\n", await File.ReadAllTextAsync(other));
    }

    [Fact]
    public async Task Device_and_inode_are_those_stat_reports()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // stat -c is GNU coreutils': the record's layout is checked where the tests run on Linux.
        }
        // Files on more than one file system where there are several: the test's temp folder, the build output and /dev/shm.
        var folders = new[] { Path.GetTempPath(), AppContext.BaseDirectory, "/dev/shm" }.Where(Directory.Exists);
        foreach (var folder in folders)
        {
            var file = Path.Combine(folder, $"cradle-identity-{Guid.NewGuid():N}");
            await File.WriteAllTextAsync(file, "x");
            try
            {
                var node = FileIdentity.NodeOf(file);
                Assert.NotNull(node);
                var expected = (await RunAsync("stat", "-c", "%d %i", file)).Trim();
                Assert.Equal(expected, $"{node.Value.Device} {node.Value.Inode}");
            }
            finally
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>Runs a program; returns what it printed, failing the test when it fails.</summary>
    private static async Task<string> RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program}: {await error}");
        return await output;
    }
}
