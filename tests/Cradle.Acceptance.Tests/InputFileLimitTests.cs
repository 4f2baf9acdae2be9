using System.Diagnostics;

namespace Cradle.Acceptance.Tests;

/// <summary>
/// Input files are read only when they are regular files within a size limit (16 MiB for studies and catalog files,
/// 64 MiB for results): anything else is refused at once with a message naming the file, without reading it.
/// </summary>
public sealed class InputFileLimitTests
{
    private const long StudyLimit = 16L * 1024 * 1024;
    private const long ResultsLimit = 64L * 1024 * 1024;

    [Theory]
    [InlineData("assess")]
    [InlineData("compare")]
    [InlineData("sensitivity")]
    [InlineData("breakeven")]
    public async Task A_directory_given_as_the_study_is_named_as_a_directory(string command)
    {
        using var temp = new TempDirectory();
        var run = await CliRunner.InProcessAsync(command, temp.Path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"cannot read the study file '{temp.Path}': it is a directory", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_directory_given_as_a_catalog_file_or_as_results_is_named_as_a_directory()
    {
        using var temp = new TempDirectory();
        var catalog = await CliRunner.InProcessAsync("assess", Repository.Example, "--catalog", temp.Path);
        Assert.Equal(2, catalog.ExitCode);
        Assert.Contains($"cannot read the catalog file '{temp.Path}': it is a directory", catalog.Error, StringComparison.Ordinal);

        var listed = await CliRunner.InProcessAsync("catalog", "list", "--catalog", temp.Path);
        Assert.Equal(2, listed.ExitCode);
        Assert.Contains("it is a directory", listed.Error, StringComparison.Ordinal);

        var report = await CliRunner.InProcessAsync("report", temp.Path);
        Assert.Equal(2, report.ExitCode);
        Assert.Contains($"cannot read the results file '{temp.Path}': it is a directory", report.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("assess")]
    [InlineData("breakeven")]
    public async Task A_device_is_refused_without_reading_it(string command)
    {
        var study = await CliRunner.InProcessAsync(command, "/dev/zero");
        Assert.Equal(2, study.ExitCode);
        Assert.Contains("cannot read the study file '/dev/zero': it is a character device, not a regular file", study.Error, StringComparison.Ordinal);

        var catalog = await CliRunner.InProcessAsync(command, Repository.Example, "--catalog", "/dev/zero");
        Assert.Equal(2, catalog.ExitCode);
        Assert.Contains("cannot read the catalog file '/dev/zero': it is a character device", catalog.Error, StringComparison.Ordinal);

        var report = await CliRunner.InProcessAsync("report", "/dev/zero");
        Assert.Equal(2, report.ExitCode);
        Assert.Contains("cannot read the results file '/dev/zero': it is a character device", report.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_named_pipe_is_refused_without_opening_it()
    {
        using var temp = new TempDirectory();
        var fifo = temp.File("study.yaml");
        MakeFifo(fifo);
        // Opening a pipe for reading waits for a writer that never comes: only a refusal before opening returns.
        var study = await CliRunner.InProcessAsync("assess", fifo).WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(2, study.ExitCode);
        Assert.Contains($"cannot read the study file '{fifo}': it is a named pipe (FIFO), not a regular file", study.Error, StringComparison.Ordinal);

        var catalog = await CliRunner.InProcessAsync("sensitivity", Repository.Example, "--catalog", fifo).WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(2, catalog.ExitCode);
        Assert.Contains($"cannot read the catalog file '{fifo}': it is a named pipe (FIFO)", catalog.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_study_larger_than_the_limit_is_refused_naming_its_size_and_the_limit()
    {
        using var temp = new TempDirectory();
        var big = temp.File("big.yaml");
        WriteSized(big, StudyLimit + 1);
        var run = await CliRunner.InProcessAsync("compare", big);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"cannot read the study file '{big}': it is 16 MiB (16,777,217 bytes), larger than the 16 MiB Cradle reads of a study file", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_study_at_the_limit_is_read()
    {
        using var temp = new TempDirectory();
        // The example padded with a YAML comment to exactly the limit: read, and assessed as usual.
        var text = await File.ReadAllTextAsync(Repository.Example);
        var study = temp.File("study.yaml");
        await File.WriteAllTextAsync(study, text + "#" + new string('x', (int)(StudyLimit - System.Text.Encoding.UTF8.GetByteCount(text) - 2)) + "\n");
        Assert.Equal(StudyLimit, new FileInfo(study).Length);
        var run = await CliRunner.InProcessAsync("assess", study);
        Assert.True(run.ExitCode == 0, run.Error);
    }

    [Fact]
    public async Task Catalog_files_and_results_larger_than_their_limits_are_refused()
    {
        using var temp = new TempDirectory();
        var catalog = temp.File("big.catalog.yaml");
        WriteSized(catalog, StudyLimit + 1);
        var extra = await CliRunner.InProcessAsync("assess", Repository.Example, "--catalog", catalog);
        Assert.Equal(2, extra.ExitCode);
        Assert.Contains($"cannot read the catalog file '{catalog}': it is 16 MiB (16,777,217 bytes), larger than the 16 MiB Cradle reads of a catalog file", extra.Error, StringComparison.Ordinal);

        var results = temp.File("results.json");
        WriteSized(results, ResultsLimit + 1);
        var report = await CliRunner.InProcessAsync("report", results);
        Assert.Equal(2, report.ExitCode);
        Assert.Contains($"cannot read the results file '{results}': it is 64 MiB (67,108,865 bytes), larger than the 64 MiB Cradle reads of a results file", report.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"\"", "invalid-path", "expected the path of a catalog file (relative to the study), found an empty text.")]
    [InlineData("\"a\\0b\"", "invalid-path", "the path contains a control character (a NUL, a tab, an escape)")]
    [InlineData("\"/dev/zero\"", "unreadable-catalog", "cannot read '/dev/zero': it is a character device, not a regular file")]
    [InlineData("\".\"", "unreadable-catalog", "it is a directory, not a regular file")]
    public async Task A_catalog_file_the_study_names_that_cannot_be_read_is_an_error_at_its_line(string path, string code, string message)
    {
        using var temp = new TempDirectory();
        var text = await File.ReadAllTextAsync(Repository.Example);
        var study = temp.Write("study.yaml", text.TrimEnd() + $"\ncatalog:\n  - {path}\n");
        var line = text.TrimEnd().Split('\n').Length + 2;
        foreach (var command in new[] { "assess", "compare", "sensitivity", "breakeven" })
        {
            var run = await CliRunner.InProcessAsync(command, study);
            Assert.Equal(1, run.ExitCode);
            Assert.Contains($"study.yaml:{line}:5: error [{code}] catalog: ", run.Error, StringComparison.Ordinal);
            Assert.Contains(message, run.Error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("assess", "STUDY")]
    [InlineData("compare", "STUDY")]
    [InlineData("report", "RESULTS")]
    public async Task An_empty_path_on_the_command_line_is_a_usage_error(string command, string name)
    {
        var run = await CliRunner.InProcessAsync(command, "");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{name} expects a file path; got an empty one.", run.Error, StringComparison.Ordinal);

        var catalog = await CliRunner.InProcessAsync("assess", Repository.Example, "--catalog", "");
        Assert.Equal(1, catalog.ExitCode);
        Assert.Contains("--catalog expects a file path; got an empty one.", catalog.Error, StringComparison.Ordinal);
    }

    /// <summary>A file of <paramref name="bytes"/> spaces, made without holding it in memory.</summary>
    private static void WriteSized(string path, long bytes)
    {
        using var stream = File.Create(path);
        var block = new byte[1024 * 1024];
        Array.Fill(block, (byte)' ');
        for (var left = bytes; left > 0; left -= block.Length)
        {
            stream.Write(block, 0, (int)Math.Min(block.Length, left));
        }
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo") { ArgumentList = { path }, UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
