using Cradle.Catalog;
using Cradle.Import.Slurm;

namespace Cradle.Import.Tests.Slurm;

/// <summary>The copies of real sacct output in tests/data/slurm-sacct (README there) and the options to read them.</summary>
internal static class SlurmData
{
    public const string HabrokFields =
        "JobID,JobName,User,Partition,NodeList,NNodes,NCPUs,NTasks,State,Submit,Start,End,Timelimit,Elapsed,TotalCPU,CPUTime,UserCPU,SystemCPU,ReqMem,MaxRSS,MaxVMSize,ReqTRES,AllocTRES,TRESUsageInMax,TRESUsageInTot,TRESUsageOutTot,MaxDiskRead,MaxDiskWrite,MaxRSSNode,MaxRSSTask,MaxVMSizeNode,MaxVMSizeTask,MaxDiskReadNode,MaxDiskReadTask,MaxDiskWriteNode,MaxDiskWriteTask,Comment";

    public const string SonarFields =
        "JobID,JobIDRaw,User,Account,State,Start,End,AveCPU,AveDiskRead,AveDiskWrite,AveRSS,AveVMSize,ElapsedRaw,ExitCode,Layout,MaxRSS,MaxVMSize,MinCPU,ReqCPUS,ReqMem,ReqNodes,Reservation,Submit,Suspended,SystemCPU,TimelimitRaw,UserCPU,NodeList,Partition,AllocTRES,Priority,JobName";

    public static string Folder { get; } = Path.Combine(Root(), "tests", "data", "slurm-sacct");

    public static string PathOf(string name) => Path.Combine(Folder, name);

    public static SlurmImportOptions Options => new(CatalogLoader.Shipped);

    public static SlurmImportOptions Habrok => Options with { Delimiter = "☃", Fields = HabrokFields.Split(',') };

    public static SlurmImportOptions Sonar => Options with { Fields = SonarFields.Split(',') };

    public static SlurmImportResult Read(string name, SlurmImportOptions options) =>
        SlurmImporter.Read(name, File.ReadAllBytes(PathOf(name)), options);

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Cradle.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Cradle.slnx not found above " + AppContext.BaseDirectory);
    }
}
