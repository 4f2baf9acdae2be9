using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Cradle.Store;

namespace Cradle.Import.MlEnergy;

/// <summary>
/// Reads a 2023 (v1) leaderboard CSV, <c>&lt;GPU&gt;_&lt;task&gt;_benchmark.csv</c> with columns
/// <c>model,throughput,response_length,latency,energy</c> (read by name) and models.json beside it. Each row becomes a
/// run of one response: energy = <c>energy</c> (J per response), duration = <c>latency</c>.
/// </summary>
internal static partial class MlEnergyLegacyReader
{
    private static readonly string[] Columns = ["model", "throughput", "response_length", "latency", "energy"];

    [GeneratedRegex(@"^([A-Za-z0-9]+)_([A-Za-z0-9-]+)_benchmark\.csv$", RegexOptions.CultureInvariant)]
    private static partial Regex FileName();

    /// <summary>Whether <paramref name="fileName"/> is named as a v1 benchmark file.</summary>
    public static bool IsLegacyName(string fileName) => FileName().IsMatch(fileName);

    /// <exception cref="MlEnergyFormatException">Not UTF-8, a missing column, a short row, text in a number, a value ≤ 0.</exception>
    public static IReadOnlyList<MlEnergyLegacyRow> Read(string path, byte[] bytes, MlEnergyModels models, ISet<string> notes)
    {
        var name = Path.GetFileName(path);
        var match = FileName().Match(name);
        var (gpu, task) = (match.Groups[1].Value, match.Groups[2].Value);
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException e)
        {
            throw new MlEnergyFormatException(path, 1, 1, "$", $"not UTF-8 text (byte {e.Index}); expected a CSV file");
        }
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        if (lines.Count == 0)
        {
            throw new MlEnergyFormatException(path, 1, 1, "header", $"an empty file; expected the header {string.Join(",", Columns)}");
        }
        var header = lines[0].Split(',');
        var at = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var column in Columns)
        {
            var index = Array.IndexOf(header, column);
            if (index < 0)
            {
                throw new MlEnergyFormatException(path, 1, 1, "header", $"no \"{column}\" column; expected the columns {string.Join(",", Columns)} of an ML.ENERGY 2023 benchmark file");
            }
            at[column] = index;
        }
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var rows = new List<MlEnergyLegacyRow>();
        for (var i = 1; i < lines.Count; i++)
        {
            var line = i + 1;
            var fields = lines[i].Split(',');
            if (fields.Length != header.Length)
            {
                throw new MlEnergyFormatException(path, line, Math.Min(fields.Length, header.Length) + 1, "row",
                    $"{fields.Length} field(s); expected {header.Length}, as in the header (a truncated row, or a comma in a value)");
            }
            var model = fields[at["model"]];
            if (model.Length == 0)
            {
                throw new MlEnergyFormatException(path, line, at["model"] + 1, "column \"model\"", "empty; expected a model id of models.json");
            }
            double Number(string column, string what)
            {
                var cell = fields[at[column]];
                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value <= 0)
                {
                    throw new MlEnergyFormatException(path, line, at[column] + 1, $"column \"{column}\"", $"found \"{cell}\"; expected a number above 0 ({what})");
                }
                return value;
            }
            var throughput = Number("throughput", "tokens per second");
            var length = Number("response_length", "tokens per response");
            var latency = Number("latency", "seconds per response");
            var energy = Number("energy", "joules of GPU energy per response");
            var parameters = models.Find(model)?.Parameters;
            if (parameters is null)
            {
                notes.Add($"{model} is not in {models.File}: no parameter count, so no ESS for its runs");
            }
            rows.Add(new MlEnergyLegacyRow(name, line, gpu, task, model, throughput, length, latency, energy, parameters,
                Build(name, line, sha, gpu, task, model, latency, energy, throughput, length, parameters, path)));
        }
        return rows;
    }

    private static ImportedRun Build(string file, int line, string sha, string gpu, string task, string model, double latency, double energy,
        double throughput, double length, double? parameters, string path)
    {
        var sensor = new Sensor("gpu", "zeus-gpu", $"NVIDIA {gpu} (model variant and count not recorded)", SensorProvenance.Measured, string.Concat(
            "measured by Zeus (NVML), ML.ENERGY leaderboard v1 (2023), ml-energy/benchmark commit 76bf85e; GPU energy only: no CPU, memory, network or PUE. ",
            $"The file's energy per response (column energy, J), stored as one response lasting its latency, {F(latency)} s. ",
            $"Row: throughput {F(throughput)} tok/s, response length {F(length)} tokens."));
        var run = new NewRun($"mlenergy-v1:{task}/{model}/{gpu}",
            $"ml-energy/benchmark leaderboard v1 task={task} model={model} gpu={gpu}",
            $"ML.ENERGY benchmark machine, {gpu} (host name not published)", Path.GetDirectoryName(Path.GetFullPath(path))!, 0, null,
            new InferenceMetadata(1, model, parameters, null, task));
        return new ImportedRun(run, MlEnergySource.NominalStartUtc, MlEnergySource.NominalStartUtc.AddSeconds(latency), RunStatus.Complete, null,
            $"ML.ENERGY leaderboard v1, ml-energy/benchmark {MlEnergySource.Commit[..12]}: data/legacy/{file} (sha256 {sha[..12]}) line {line}",
            [sensor], [new ImportedSample("gpu", 0, 0), new ImportedSample("gpu", latency, energy)]);
    }

    private static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
