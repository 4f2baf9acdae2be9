using System.Security.Cryptography;

namespace Cradle.Import.MlEnergy;

/// <summary>
/// Reads ML.ENERGY leaderboard v2 records (ml-energy/benchmark data/llm_text_generation at commit 76bf85e) and the 2023
/// v1 CSVs (data/legacy) into inference runs: a folder argument gives every record and v1 file under it, a file argument
/// that one. Reads every file before returning, so one bad record stops the whole import before anything is stored.
/// </summary>
public static class MlEnergyImporter
{
    /// <summary>The largest record or models.json read, bytes: the real ones are under 3 KB.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    /// <summary>Reads the records at <paramref name="paths"/> (files or folders, as named on the command line).</summary>
    /// <exception cref="MlEnergyFormatException">A record or models.json that is not what the leaderboard writes.</exception>
    /// <exception cref="MlEnergyLayoutException">A path outside the leaderboard's layout, or a folder with no record.</exception>
    /// <exception cref="IOException">A path that does not exist or cannot be read.</exception>
    public static MlEnergyImportResult Read(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        var ignored = 0;
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var under = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
                    .Order(StringComparer.Ordinal).ToList();
                var records = under.Where(f => MlEnergyRecordFile.IsRecordName(Path.GetFileName(f)) || MlEnergyLegacyReader.IsLegacyName(Path.GetFileName(f))).ToList();
                if (records.Count == 0)
                {
                    throw new MlEnergyLayoutException(path,
                        "no ML.ENERGY leaderboard record under this folder; expected v2 records (bs<N>+tp<N>+pp<N>.json) or v1 files (<GPU>_<task>_benchmark.csv)");
                }
                files.AddRange(records);
                ignored += under.Count - records.Count;
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new FileNotFoundException($"'{path}' is neither a file nor a folder", path);
            }
        }
        // The same file named twice (a folder and a file in it) is one record, imported once.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var models = new Dictionary<string, MlEnergyModels>(StringComparer.Ordinal);
        var read = new List<MlEnergyImportedRecord>();
        var legacy = new List<MlEnergyLegacyRow>();
        var notes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in files.Where(f => seen.Add(Path.GetFullPath(f))))
        {
            if (MlEnergyLegacyReader.IsLegacyName(Path.GetFileName(path)))
            {
                legacy.AddRange(ReadLegacy(path, models, notes));
                continue;
            }
            var file = MlEnergyRecordFile.Locate(path);
            var bytes = ReadBytes(path);
            var record = MlEnergyRecordReader.Read(path, bytes);
            CheckAgainstName(path, bytes, record, file);
            if (!models.TryGetValue(file.TaskFolder, out var list))
            {
                var modelsPath = Path.Combine(file.TaskFolder, "models.json");
                list = MlEnergyModels.Read(modelsPath, ReadBytes(modelsPath));
                models[file.TaskFolder] = list;
            }
            var parameters = list.Find(record.Model)?.Parameters;
            if (parameters is null)
            {
                notes.Add($"{record.Model} is not in {list.File}: no parameter count, so no ESS for its runs");
            }
            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            read.Add(new MlEnergyImportedRecord(file.RelativePath, file.Task, record, parameters, MlEnergyRunBuilder.Build(record, file, sha, parameters)));
        }
        return new MlEnergyImportResult(read, ignored, notes.ToList()) { LegacyRows = legacy };
    }

    private static IReadOnlyList<MlEnergyLegacyRow> ReadLegacy(string path, Dictionary<string, MlEnergyModels> models, ISet<string> notes)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var modelsPath = Path.Combine(folder, "models.json");
        if (!File.Exists(modelsPath))
        {
            throw new MlEnergyLayoutException(path, "no models.json beside it; expected the leaderboard v1 folder (ml-energy/benchmark data/legacy/) with its models.json");
        }
        if (!models.TryGetValue(folder, out var list))
        {
            list = MlEnergyModels.Read(modelsPath, ReadBytes(modelsPath));
            models[folder] = list;
        }
        return MlEnergyLegacyReader.Read(path, ReadBytes(path), list, notes);
    }

    // The file name repeats TP and PP: a record whose keys disagree with its name is a copy gone wrong, not a guess to make.
    private static void CheckAgainstName(string path, byte[] bytes, MlEnergyRecord record, MlEnergyRecordFile file)
    {
        if (record.TensorParallel != file.TensorParallelInName || record.PipelineParallel != file.PipelineParallelInName)
        {
            var json = PositionedJson.Parse(path, bytes);
            var key = record.TensorParallel != file.TensorParallelInName ? "TP" : "PP";
            throw json.Error(PositionedJson.PathOf(key),
                $"{key} is {(key == "TP" ? record.TensorParallel : record.PipelineParallel)} but the file name says " +
                $"tp{file.TensorParallelInName}+pp{file.PipelineParallelInName}; expected the same parallelism in both");
        }
    }

    private static byte[] ReadBytes(string path)
    {
        var length = new FileInfo(path).Length;
        if (length > MaxFileBytes)
        {
            throw new MlEnergyLayoutException(path, $"{length} bytes, over the {MaxFileBytes} bytes an ML.ENERGY record or models.json can be; expected a small JSON file");
        }
        return File.ReadAllBytes(path);
    }
}
