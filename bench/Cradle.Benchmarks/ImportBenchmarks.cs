using System.Text;
using BenchmarkDotNet.Attributes;
using Cradle.Catalog;
using Cradle.Import.CodeCarbon;
using Cradle.Import.Slurm;
using Cradle.Store;
using Cradle.Store.Sqlite;

namespace Cradle.Benchmarks;

/// <summary>
/// <c>cradle import</c> in process, on the real files of tests/data: reading a CodeCarbon log (the 37-row AIRA file,
/// repeated to <see cref="Rows"/> rows, the size of a long training run flushed every few minutes) and a month of
/// Slurm accounting (the 300-line Fox file), and storing the resulting runs in one transaction in a real SQLite file.
/// The question: does an import of a cluster's month take a noticeable time, and is parsing or storing the cost.
/// </summary>
[MemoryDiagnoser]
public class ImportBenchmarks : IDisposable
{
    private const string SonarFields =
        "JobID,JobIDRaw,User,Account,State,Start,End,AveCPU,AveDiskRead,AveDiskWrite,AveRSS,AveVMSize,ElapsedRaw,ExitCode,Layout,MaxRSS,MaxVMSize,MinCPU,ReqCPUS,ReqMem,ReqNodes,Reservation,Submit,Suspended,SystemCPU,TimelimitRaw,UserCPU,NodeList,Partition,AllocTRES,Priority,JobName";

    private byte[] _codeCarbon = [];
    private byte[] _sacct = [];
    private SlurmImportOptions _slurm = null!;
    private IReadOnlyList<ImportedRun> _runs = [];
    private string _folder = "";
    private int _round;

    /// <summary>Rows of the CodeCarbon log.</summary>
    [Params(37, 3700)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var data = Path.Combine(Root(), "tests", "data");
        var lines = File.ReadAllLines(Path.Combine(data, "codecarbon-emissions", "v2.8.3+3.0.7_AIRA-LLaMA-Factory_8xH20-H800.csv"));
        var text = new StringBuilder().AppendLine(lines[0]);
        for (var i = 0; i < Rows; i++)
        {
            text.AppendLine(lines[1 + (i % (lines.Length - 1))]);
        }
        _codeCarbon = Encoding.UTF8.GetBytes(text.ToString());
        _sacct = File.ReadAllBytes(Path.Combine(data, "slurm-sacct", "sonar_fox_sacct_2024.txt"));
        _slurm = new SlurmImportOptions(CatalogLoader.Shipped)
        {
            Fields = SonarFields.Split(','),
            GpuDevices = new Dictionary<string, string> { [""] = "nvidia-a100-pcie-40gb", ["a100_80"] = "nvidia-a100-pcie-80gb" },
        };
        _runs = ReadCodeCarbon().Runs;
        _folder = Directory.CreateTempSubdirectory("cradle-bench-import-").FullName;
    }

    [Benchmark(Description = "read a CodeCarbon log (runs built, nothing stored)")]
    public CodeCarbonImport ReadCodeCarbon() =>
        CodeCarbonImporter.Read([new CodeCarbonInput("emissions.csv", _codeCarbon, "/data")], new CodeCarbonImportOptions(), CatalogLoader.Shipped);

    [Benchmark(Description = "read a month of Slurm accounting (300 lines)")]
    public SlurmImportResult ReadSlurm() => SlurmImporter.Read("fox.txt", _sacct, _slurm);

    [Benchmark(Description = "store the CodeCarbon runs in a new SQLite file (one transaction)")]
    public IReadOnlyList<Run> Store()
    {
        // A new file each time: the store refuses a second import of the same origins.
        using var store = SqliteRunStore.Open(Path.Combine(_folder, $"runs-{_round++}.db"));
        return store.ImportRuns(_runs);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
        GC.SuppressFinalize(this);
    }

    private static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Cradle.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("run from the repository");
    }
}
