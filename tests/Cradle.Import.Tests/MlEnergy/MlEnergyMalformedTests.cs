using Cradle.Import.MlEnergy;
using Cradle.Import.Tests.Slurm;

namespace Cradle.Import.Tests.MlEnergy;

/// <summary>Edited copies of a real record are refused with file, line, column, JSON path and what was expected.</summary>
public sealed class MlEnergyMalformedTests
{
    private const string Model = "meta-llama/Meta-Llama-3.1-8B-Instruct";
    private const string File = "bs1024+tp1+pp1.json";

    private static MlEnergyFormatException Refused(TempFolder folder, Func<string, string> edit)
    {
        var good = MlEnergyData.CopyRecord(folder.Path, "chat", MlEnergyData.H100, Model, "bs64+tp1+pp1.json");
        var bad = MlEnergyData.CopyRecord(folder.Path, "chat", MlEnergyData.H100, Model, File, edit);
        // The folder holds a good record too: the bad one stops the whole import.
        var e = Assert.Throws<MlEnergyFormatException>(() => MlEnergyImporter.Read([folder.Path]));
        Assert.Equal(bad, e.File);
        Assert.True(System.IO.File.Exists(good));
        return e;
    }

    [Fact]
    public void Text_in_a_number_names_line_column_and_key()
    {
        using var folder = new TempFolder();
        var e = Refused(folder, t => t.Replace("53.931404195254245", "\"53.9 J\"", StringComparison.Ordinal));
        // Line 6 is `  "Energy/req (J)": …`: two spaces, the 16-character key, ": ", so the value starts at column 21.
        Assert.Equal((6, 21), (e.Line, e.Column));
        Assert.Equal("$[\"Energy/req (J)\"]", e.JsonPath);
        Assert.Contains("found text \"53.9 J\"; expected a number above 0", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_energy_is_refused()
    {
        using var folder = new TempFolder();
        var e = Refused(folder, t => t.Replace("53.931404195254245", "-53.931404195254245", StringComparison.Ordinal));
        Assert.Equal((6, 21), (e.Line, e.Column));
        Assert.Contains("found -53.931404195254245; expected a number above 0 (joules of GPU energy per request)", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_key_is_named()
    {
        using var folder = new TempFolder();
        var e = Refused(folder, t => t.Replace("\"Avg Output Tokens\"", "\"Avg Output Tokenz\"", StringComparison.Ordinal));
        Assert.Equal("$", e.JsonPath);
        Assert.Contains("no \"Avg Output Tokens\" key", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_json_is_refused_at_its_end()
    {
        using var folder = new TempFolder();
        var e = Refused(folder, t => t[..t.IndexOf("\"Max BS", StringComparison.Ordinal)]);
        Assert.Equal(11, e.Line);
        Assert.Contains("not valid JSON", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parallelism_that_contradicts_the_file_name_is_refused()
    {
        using var folder = new TempFolder();
        var e = Refused(folder, t => t.Replace("\"TP\": 1", "\"TP\": 4", StringComparison.Ordinal));
        Assert.Equal((4, 9), (e.Line, e.Column));
        Assert.Contains("TP is 4 but the file name says tp1+pp1", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_key_is_refused()
    {
        using var folder = new TempFolder();
        var e = Refused(folder, t => t.Replace("\"PP\": 1,", "\"PP\": 1,\n  \"PP\": 2,", StringComparison.Ordinal));
        Assert.Equal((6, 9), (e.Line, e.Column));
        Assert.Contains("the key appears twice", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_models_json_without_a_number_of_parameters_is_refused()
    {
        using var folder = new TempFolder();
        MlEnergyData.CopyRecord(folder.Path, "chat", MlEnergyData.H100, Model, File);
        var models = Path.Combine(folder.Path, "chat", "models.json");
        System.IO.File.WriteAllText(models, System.IO.File.ReadAllText(models).Replace("\"params\": 8\n", "\"params\": \"8B\"\n", StringComparison.Ordinal));
        var e = Assert.Throws<MlEnergyFormatException>(() => MlEnergyImporter.Read([folder.Path]));
        Assert.Equal(models, e.File);
        Assert.Equal("$[\"meta-llama/Meta-Llama-3.1-8B-Instruct\"][\"params\"]", e.JsonPath);
        Assert.Contains("found text \"8B\"; expected a number above 0 (billions of parameters)", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_outside_the_layout_or_a_folder_without_records_is_refused()
    {
        using var folder = new TempFolder();
        var loose = folder.File(File);
        System.IO.File.Copy(MlEnergyData.Record("chat", MlEnergyData.H100, Model, File), loose);
        var e = Assert.Throws<MlEnergyLayoutException>(() => MlEnergyImporter.Read([loose]));
        Assert.Contains("expected <task>/<GPU>/<org>/<model>/", e.Problem, StringComparison.Ordinal);

        var empty = Directory.CreateDirectory(folder.File("empty")).FullName;
        var none = Assert.Throws<MlEnergyLayoutException>(() => MlEnergyImporter.Read([empty]));
        Assert.Contains("no ML.ENERGY leaderboard record under this folder", none.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_missing_from_models_json_imports_without_a_parameter_count_and_says_so()
    {
        using var folder = new TempFolder();
        MlEnergyData.CopyRecord(folder.Path, "chat", MlEnergyData.H100, Model, File);
        System.IO.File.WriteAllText(Path.Combine(folder.Path, "chat", "models.json"), "{}");
        var result = MlEnergyImporter.Read([folder.Path]);
        Assert.Null(Assert.Single(result.Records).Run.Run.Inference.ParameterCount);
        Assert.Contains("no parameter count, so no ESS", Assert.Single(result.Notes), StringComparison.Ordinal);
    }
}
