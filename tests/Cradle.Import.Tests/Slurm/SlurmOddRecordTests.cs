using System.Text;
using Cradle.Import.Slurm;

namespace Cradle.Import.Tests.Slurm;

/// <summary>Records that cannot become runs are listed with file, line, column and reason, and the rest imports.</summary>
public sealed class SlurmOddRecordTests
{
    [Fact]
    public void Running_and_pending_jobs_are_listed_with_their_state_column()
    {
        var result = SlurmData.Read("sonar_fox_sacct_2025.txt", SlurmStoreTests.OptionsFor("sonar"));
        var first = result.Skipped[0];
        // Line 1 of the file is job 1879824, RUNNING; State is the 5th field of sonar's --format list.
        Assert.Equal((1, "1879824", "column 5 (State)"), (first.Line, first.JobId, first.Column));
        Assert.Equal("sonar_fox_sacct_2025.txt:1: job 1879824: column 5 (State): the job is not finished (RUNNING); import it once it has ended", first.ToString());
        Assert.Contains(result.Skipped, s => s.Reason.Contains("(PENDING)", StringComparison.Ordinal));
        Assert.NotEmpty(result.Runs);
    }

    [Fact]
    public void Jobs_cancelled_before_they_started_are_listed_not_guessed()
    {
        var result = SlurmData.Read("hb-jobinfo_habrok_sacct_snowman-delimited.txt", SlurmStoreTests.OptionsFor("habrok"));
        // Line 3: job 4047445, CANCELLED by 10290820 with Start "None" (the 11th field).
        var skipped = result.Skipped.Single(s => s.JobId == "4047445");
        Assert.Equal((3, "column 11 (Start)"), (skipped.Line, skipped.Column));
        Assert.Contains("never started (Start 'None', state CANCELLED by 10290820)", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gpu_type_the_catalog_does_not_know_is_listed_with_the_option_that_maps_it()
    {
        var result = SlurmData.Read("sonar_fox_sacct_2024.txt", SlurmData.Sonar);
        // Line 68, job 974745: gres/gpu:rtx30=1 (Fox's RTX 30-series cards; "rtx30" names no catalog device).
        var skipped = result.Skipped.Single(s => s.JobId == "974745");
        Assert.Equal((68, "column 30 (AllocTRES)"), (skipped.Line, skipped.Column));
        Assert.Contains("map it with --gpu rtx30=ID", skipped.Reason, StringComparison.Ordinal);
        Assert.Contains(result.Skipped, s => s.Reason.Contains("no stated type", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_energy_units_zero_elapsed_duplicates_and_orphan_steps_are_listed()
    {
        const string text = "JobID|State|Start|Elapsed|AllocTRES|ConsumedEnergy\n" +
            "1|COMPLETED|2025-01-01T00:00:00|00:10:00|cpu=4|12.5X\n" +
            "2|COMPLETED|2025-01-01T00:00:00|00:00:00|cpu=4|\n" +
            "3|COMPLETED|2025-01-01T00:00:00|00:10:00|cpu=4|1.5K\n" +
            "3|COMPLETED|2025-01-01T00:00:00|00:10:00|cpu=4|1.5K\n" +
            "9.batch|COMPLETED|2025-01-01T00:00:00|00:10:00|cpu=4|\n" +
            "4|COMPLETED|2025-01-01T00:00:00|00:10:00||\n";
        var result = SlurmImporter.Read("odd.txt", Encoding.UTF8.GetBytes(text), SlurmData.Options);
        Assert.Equal(
            ["odd.txt:2: job 1: column 6 (ConsumedEnergy): unknown unit 'X' in '12.5X' (sacct prints J with K, M, G, T or P)",
             "odd.txt:3: job 2: column 4 (Elapsed): the job ran 0 s (COMPLETED): no time, no energy to import",
             "odd.txt:5: job 3: job 3 is already on line 4; a job is imported once",
             "odd.txt:6: job 9.batch: a step of job 9, whose job line is not in the file; steps are not imported on their own",
             "odd.txt:7: job 4: no allocated CPUs or GPUs (AllocTRES, AllocCPUS, NCPUS, AllocGRES empty or absent) and no ConsumedEnergy: nothing to import"],
            result.Skipped.Select(s => s.ToString()));
        // Job 3 imports once, with 1.5K = 1.5 × 1024 = 1536 J measured.
        var run = Assert.Single(result.Runs);
        Assert.Equal(1536.0, run.Samples.Max(s => s.EnergyJoules));
    }

    [Fact]
    public void Zero_consumed_energy_means_accounting_off_so_the_job_is_modelled()
    {
        const string text = "JobID|State|Start|ElapsedRaw|AllocTRES|ConsumedEnergyRaw|NodeList\n" +
            "5|COMPLETED|2025-01-01T00:00:00|3600|cpu=4,gres/gpu:a40=2,gres/gpu=2|0|gpu-12\n";
        var result = SlurmImporter.Read("zero.txt", Encoding.UTF8.GetBytes(text), SlurmData.Options);
        var run = Assert.Single(result.Runs);
        var gpu = run.Sensors.Single(s => s.Id == "gpu-a40");
        Assert.Equal(Cradle.Store.SensorProvenance.Modelled, gpu.Provenance);
        Assert.Contains("energy accounting off", gpu.Description, StringComparison.Ordinal);
        // 2 GPUs × 3600 s × 300 W (A40) × 1 = 2160000 J.
        Assert.Equal(2160000.0, run.Samples.Where(s => s.SensorId == "gpu-a40").Max(s => s.EnergyJoules));
        Assert.DoesNotContain(run.Sensors, s => s.Provenance == Cradle.Store.SensorProvenance.Measured);
    }
}
