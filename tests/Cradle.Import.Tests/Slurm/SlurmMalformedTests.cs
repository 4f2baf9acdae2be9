using System.Text;
using Cradle.Import.Slurm;

namespace Cradle.Import.Tests.Slurm;

/// <summary>Files that are not sacct output, or altered copies of real ones, are refused whole with file, line and column.</summary>
public sealed class SlurmMalformedTests
{
    private static SlurmFormatException Refused(string file, string text, SlurmImportOptions? options = null) =>
        Assert.Throws<SlurmFormatException>(() => SlurmImporter.Read(file, Encoding.UTF8.GetBytes(text), options ?? SlurmData.Options));

    private static string Triton => File.ReadAllText(SlurmData.PathOf("slurm2sql_triton_sacct_test-data1.txt"));

    [Fact]
    public void An_empty_file_is_refused() =>
        Assert.Equal("empty.txt:1:1: the file is empty; expected sacct output (sacct -P, or sacct --json)", Refused("empty.txt", "").Message);

    [Fact]
    public void Scontrol_output_is_not_sacct_output()
    {
        var e = Refused("scontrol.txt", File.ReadAllText(SlurmData.PathOf("hb-jobinfo_habrok_scontrol_nodes.txt")));
        Assert.Equal((1, 1), (e.Line, e.Column));
        Assert.Contains("wrong --delimiter, or not sacct output", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_sacct_fields_lack_start_and_elapsed()
    {
        // OSC's file is plain 'sacct -P': JobID|JobName|Partition|Account|AllocCPUS|State|ExitCode. No times: no run.
        var e = Refused("osc.txt", File.ReadAllText(SlurmData.PathOf("osc-ood-sacct_owens_default-fields.txt")));
        Assert.Equal(1, e.Line);
        Assert.Contains("no field Start, no field Elapsed or ElapsedRaw", e.Problem, StringComparison.Ordinal);
        Assert.Contains("--format=JobID,State,Start,End,Elapsed", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_row_is_refused_at_its_line()
    {
        var lines = Triton.Split('\n');
        lines[5] = string.Join('|', lines[5].Split('|').Take(10));
        var e = Refused("truncated.txt", string.Join('\n', lines));
        // Line 6 keeps 10 of the header's 51 fields: the 11th is missing.
        Assert.Equal((6, 11), (e.Line, e.Column));
        Assert.Contains("expected 51 fields", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_renamed_column_is_refused_at_the_header()
    {
        var e = Refused("renamed.txt", Triton.Replace("|Elapsed|", "|Elapsd|", StringComparison.Ordinal));
        Assert.Equal((1, 1), (e.Line, e.Column));
        Assert.Contains("no field Elapsed or ElapsedRaw", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_in_a_number_refuses_the_whole_file()
    {
        var lines = File.ReadAllLines(SlurmData.PathOf("sonar_fox_sacct_2024.txt"));
        var fields = lines[0].Split('|');
        fields[12] = "71x4"; // ElapsedRaw, the 13th field
        lines[0] = string.Join('|', fields);
        var e = Refused("sonar.txt", string.Join('\n', lines), SlurmData.Sonar);
        Assert.Equal((1, 13), (e.Line, e.Column));
        Assert.Contains("column 13 (ElapsedRaw) of line 1: '71x4' is not a whole number of seconds", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_delimiter_is_refused()
    {
        var e = Refused("habrok.txt", File.ReadAllText(SlurmData.PathOf("hb-jobinfo_habrok_sacct_snowman-delimited.txt")),
            SlurmData.Options with { Fields = SlurmData.HabrokFields.Split(',') });
        Assert.Equal(1, e.Line);
        Assert.Contains("expected 37 fields separated by '|'", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_json_is_refused_with_its_line()
    {
        var text = File.ReadAllText(SlurmData.PathOf("json/slurmweb_24.05_0.0.41_slurmdb-job-completed.json"));
        var e = Refused("cut.json", text[..(text.Length / 2)]);
        Assert.True(e.Line > 1);
        Assert.Contains("not valid JSON", e.Problem, StringComparison.Ordinal);
        Assert.Contains("no 'jobs' array", Refused("other.json", "{\"meta\": {}}").Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Headerless_output_without_fields_is_refused_with_the_fix()
    {
        var e = Refused("fox.txt", File.ReadAllText(SlurmData.PathOf("sonar_fox_sacct_2024.txt")));
        Assert.Contains("line 1 is not a header", e.Problem, StringComparison.Ordinal);
        Assert.Contains("give --fields", e.Problem, StringComparison.Ordinal);
    }
}
