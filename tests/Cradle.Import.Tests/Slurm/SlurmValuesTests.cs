using Cradle.Import.Slurm;
using Cradle.Store;

namespace Cradle.Import.Tests.Slurm;

public sealed class SlurmValuesTests
{
    [Theory]
    [InlineData("03:34:13", 12853.0)] // 3×3600 + 34×60 + 13
    [InlineData("1-04:33:44", 102824.0)] // 86400 + 4×3600 + 33×60 + 44
    [InlineData("00:15.057", 15.057)] // MM:SS.mmm (TotalCPU style)
    [InlineData("23:08.358", 1388.358)] // 23×60 + 8.358
    [InlineData("7-11:33:12", 646392.0)] // 7×86400 + 11×3600 + 33×60 + 12
    public void Durations_read_as_sacct_prints_them(string text, double seconds) =>
        Assert.Equal(seconds, SlurmValues.Seconds(text, raw: false, out _)!.Value, 9);

    [Theory]
    [InlineData("12:3a")]
    [InlineData("abc")]
    [InlineData("1-")]
    [InlineData("::")]
    public void Durations_that_are_not_durations_give_a_reason(string text)
    {
        Assert.Null(SlurmValues.Seconds(text, raw: false, out var why));
        Assert.Contains(text, why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("54156", 54156.0)]
    [InlineData("52.89K", 54159.36)] // convert_num_unit divides by 1024: 52.89 × 1024
    [InlineData("1.50M", 1572864.0)] // 1.5 × 1024²
    public void Energies_read_with_Slurms_1024_steps(string text, double joules) =>
        Assert.Equal(joules, SlurmValues.Joules(text, out _)!.Value, 6);

    [Fact]
    public void Alloc_tres_counts_typed_gpus_once()
    {
        // gres/gpu=2 is the total; gres/gpu:a100=2 names the type of the same two GPUs.
        var a = SlurmAllocation.FromTres("billing=8,cpu=8,gres/gpu:a100=2,gres/gpu=2,mem=64G,node=1", out _)!;
        Assert.Equal(8, a.Cpus);
        Assert.Equal(2, a.GpuCount);
        Assert.Equal(2, a.Gpus["a100"]);
        var untyped = SlurmAllocation.FromTres("billing=12,cpu=8,gres/gpu=1,mem=64G,node=1", out _)!;
        Assert.Equal(1, untyped.Gpus[""]);
        var none = SlurmAllocation.FromTres("billing=24,cpu=8,mem=199G,node=1", out _)!;
        Assert.Equal(0, none.GpuCount);
        Assert.Null(SlurmAllocation.FromTres("cpu=8,gres/gpu:a100=3,gres/gpu=2", out var why));
        Assert.Contains("more than gres/gpu", why, StringComparison.Ordinal);
    }

    [Fact]
    public void Older_gres_columns_are_read()
    {
        var a = SlurmAllocation.FromGres(4, "gpu:tesla:2(IDX:0-1),craynetwork:1", out _)!;
        Assert.Equal(2, a.Gpus["tesla"]);
        Assert.Equal(4, a.Cpus);
        Assert.Equal(3, SlurmAllocation.FromGres(null, "gpu:1,gpu:v100:2", out _)!.GpuCount);
    }

    [Theory]
    [InlineData("123", "123", null, "123")]
    [InlineData("123.batch", "123", "batch", "123")]
    [InlineData("5908801_3.extern", "5908801_3", "extern", "5908801_3")]
    [InlineData("123+1.0", "123+1", "0", "123")]
    public void Job_ids_split_into_job_and_step(string text, string job, string? step, string group)
    {
        var id = SlurmJobId.Parse(text)!;
        Assert.Equal((job, step, group), (id.Job, id.Step, id.GroupId));
    }

    [Theory]
    [InlineData("COMPLETED", RunStatus.Complete)]
    [InlineData("FAILED", RunStatus.Complete)]
    [InlineData("CANCELLED by 1300204", RunStatus.Interrupted)]
    [InlineData("TIMEOUT", RunStatus.Interrupted)]
    [InlineData("NODE_FAIL", RunStatus.Interrupted)]
    [InlineData("OUT_OF_MEMORY", RunStatus.Interrupted)]
    public void Finished_states_map_to_run_statuses(string state, RunStatus status) =>
        Assert.Equal(status, SlurmStates.Status(state, out _));

    [Theory]
    [InlineData("RUNNING", "not finished")]
    [InlineData("PENDING", "not finished")]
    [InlineData("FOO", "unknown job state")]
    public void Unfinished_and_unknown_states_give_no_status(string state, string reason)
    {
        Assert.Null(SlurmStates.Status(state, out var why));
        Assert.Contains(reason, why, StringComparison.Ordinal);
    }

    [Fact]
    public void Local_times_are_read_in_the_given_zone()
    {
        var oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");
        // 2024-11-13 is winter time in Oslo: UTC+1, so 11:08 local is 10:08 UTC.
        Assert.Equal(new DateTimeOffset(2024, 11, 13, 10, 8, 0, TimeSpan.Zero), SlurmValues.Time("2024-11-13T11:08:00", oslo));
        Assert.Null(SlurmValues.Time("Unknown", oslo));
        Assert.Null(SlurmValues.Time("None", oslo));
    }
}
