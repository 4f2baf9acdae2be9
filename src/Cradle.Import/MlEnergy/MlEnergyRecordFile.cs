using System.Globalization;
using System.Text.RegularExpressions;

namespace Cradle.Import.MlEnergy;

/// <summary>
/// Where a record lies in the leaderboard's layout, <c>&lt;task&gt;/&lt;GPU&gt;/&lt;org&gt;/&lt;model&gt;/bs&lt;N&gt;+tp&lt;N&gt;+pp&lt;N&gt;.json</c>
/// (folder names with spaces, file names with <c>+</c>), with the task's models.json beside the GPU folders.
/// </summary>
/// <param name="Path">The file as found from the argument (for messages).</param>
/// <param name="Task">The task folder's name: "chat" or "code".</param>
/// <param name="GpuFolder">The GPU folder's name, e.g. "H100 80GB HBM3".</param>
/// <param name="ModelFolder">The model folder's name (may carry a suffix, e.g. "Mixtral-8x22B-Instruct-v0.1-pp1").</param>
/// <param name="RelativePath">Task to file, '/'-separated: the record's path under the source's <c>data/llm_text_generation/</c>.</param>
/// <param name="TaskFolder">The task folder, holding models.json.</param>
/// <param name="BatchInName">The file name's <c>bs</c> (per pipeline stage: the record's Max BS is bs × PP).</param>
/// <param name="TensorParallelInName">The file name's <c>tp</c>.</param>
/// <param name="PipelineParallelInName">The file name's <c>pp</c>.</param>
internal sealed partial record MlEnergyRecordFile(
    string Path, string Task, string GpuFolder, string ModelFolder, string RelativePath, string TaskFolder,
    int BatchInName, int TensorParallelInName, int PipelineParallelInName)
{
    /// <summary>The file name of a record: <c>bs64+tp1+pp1.json</c>.</summary>
    [GeneratedRegex(@"^bs([0-9]{1,9})\+tp([0-9]{1,9})\+pp([0-9]{1,9})\.json$", RegexOptions.CultureInvariant)]
    private static partial Regex RecordName();

    /// <summary>Whether <paramref name="fileName"/> is named as a record.</summary>
    public static bool IsRecordName(string fileName) => RecordName().IsMatch(fileName);

    /// <summary>The record at <paramref name="path"/> in the layout.</summary>
    /// <exception cref="MlEnergyLayoutException">Not named as a record, or not four folders below a task folder with models.json.</exception>
    public static MlEnergyRecordFile Locate(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var name = System.IO.Path.GetFileName(full);
        var match = RecordName().Match(name);
        if (!match.Success)
        {
            throw new MlEnergyLayoutException(path, "not an ML.ENERGY leaderboard v2 record name; expected bs<max batch>+tp<TP>+pp<PP>.json");
        }
        var model = Directory.GetParent(full);
        var org = model?.Parent;
        var gpu = org?.Parent;
        var task = gpu?.Parent;
        if (task is null || !File.Exists(System.IO.Path.Combine(task.FullName, "models.json")))
        {
            throw new MlEnergyLayoutException(path,
                "not in the leaderboard's layout; expected <task>/<GPU>/<org>/<model>/" + name + " with the task's models.json in <task> " +
                "(as in ml-energy/benchmark data/llm_text_generation/, e.g. chat/H100 80GB HBM3/meta-llama/Meta-Llama-3.1-8B-Instruct/)");
        }
        return new MlEnergyRecordFile(path, task.Name, gpu!.Name, model!.Name,
            $"{task.Name}/{gpu.Name}/{org!.Name}/{model.Name}/{name}", task.FullName,
            Int(match, 1), Int(match, 2), Int(match, 3));
    }

    private static int Int(Match match, int group) => int.Parse(match.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture);
}
