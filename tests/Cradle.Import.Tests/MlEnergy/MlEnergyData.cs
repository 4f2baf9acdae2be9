namespace Cradle.Import.Tests.MlEnergy;

/// <summary>The copied leaderboard v2 records (tests/data/zeus-mlenergy, README there) and temporary copies of them.</summary>
internal static class MlEnergyData
{
    /// <summary>The source's data/llm_text_generation folder: chat/ and code/ with their models.json.</summary>
    public static string Root { get; } = Path.Combine(TestData.Root, "tests", "data", "zeus-mlenergy", "mlenergy-leaderboard-v2_2024-09", "llm_text_generation");

    /// <summary>The 2023 (v1) files: the source's data/legacy folder.</summary>
    public static string Legacy { get; } = Path.Combine(TestData.Root, "tests", "data", "zeus-mlenergy", "mlenergy-leaderboard-v1_2023");

    public const string H100 = "H100 80GB HBM3";
    public const string A100 = "A100-SXM4-40GB";

    /// <summary>A record's path: task, GPU folder, "org/model" and file name.</summary>
    public static string Record(string task, string gpu, string model, string file) =>
        Path.Combine(Root, task, gpu, model.Replace('/', Path.DirectorySeparatorChar), file);

    /// <summary>Copies one record and its task's models.json into the same layout under <paramref name="folder"/>;
    /// returns the copy's path, with <paramref name="edit"/> applied to its text.</summary>
    public static string CopyRecord(string folder, string task, string gpu, string model, string file, Func<string, string>? edit = null)
    {
        var target = Path.Combine(folder, task, gpu, model.Replace('/', Path.DirectorySeparatorChar), file);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var models = Path.Combine(folder, task, "models.json");
        if (!File.Exists(models))
        {
            File.Copy(Path.Combine(Root, task, "models.json"), models);
        }
        var text = File.ReadAllText(Record(task, gpu, model, file));
        File.WriteAllText(target, edit is null ? text : edit(text));
        return target;
    }
}
