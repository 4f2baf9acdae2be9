namespace Cradle.Store.Tests;

/// <summary>Run tags, and reading samples after an offset or each sensor's latest (what live pages follow).</summary>
public abstract partial class RunStoreContract
{
    [Fact]
    public void Tags_read_back_in_the_order_given_and_filter_runs_exactly()
    {
        var store = Store();
        var tagged = store.CreateRun(Runs.New("tagged") with { Tags = ["team=nlp", "baseline"] });
        var other = store.CreateRun(Runs.New("other") with { Tags = ["baseline-2"] });
        var plain = store.CreateRun(Runs.New("plain"));

        Assert.Equal(["team=nlp", "baseline"], store.FindRun(tagged.Id)!.Tags);
        Assert.Equal(tagged with { }, store.FindRun("tagged"));
        Assert.Empty(store.FindRun(plain.Id)!.Tags);
        Assert.Equal([tagged.Id], store.ListRuns(new RunFilter(Tag: "baseline")).Select(r => r.Id));
        Assert.Equal([other.Id], store.ListRuns(new RunFilter(Tag: "baseline-2")).Select(r => r.Id));
        Assert.Empty(store.ListRuns(new RunFilter(Tag: "Baseline"))); // exact, case-sensitive
        Assert.Empty(store.ListRuns(new RunFilter(Tag: "team")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a,b")]
    [InlineData("line\nbreak")]
    public void A_bad_tag_is_refused_and_nothing_is_stored(string tag)
    {
        var store = Store();
        Assert.Throws<ArgumentException>(() => store.CreateRun(Runs.New("bad") with { Tags = [tag] }));
        Assert.Empty(store.ListRuns(RunFilter.All));
    }

    [Fact]
    public void A_run_has_at_most_16_distinct_tags_of_at_most_64_characters()
    {
        var store = Store();
        Assert.Throws<ArgumentException>(() => store.CreateRun(Runs.New() with { Tags = [.. Enumerable.Range(0, 17).Select(i => $"t{i}")] }));
        Assert.Throws<ArgumentException>(() => store.CreateRun(Runs.New() with { Tags = ["same", "same"] }));
        Assert.Throws<ArgumentException>(() => store.CreateRun(Runs.New() with { Tags = [new string('x', 65)] }));
        var sixteen = store.CreateRun(Runs.New() with { Tags = [.. Enumerable.Range(0, 15).Select(i => $"t{i}"), new string('x', 64)] });
        Assert.Equal(16, store.FindRun(sixteen.Id)!.Tags.Count);
    }

    [Fact]
    public void Samples_after_an_offset_are_strictly_later_ordered_and_limited()
    {
        var store = Store();
        var run = store.CreateRun(Runs.New());
        store.AddSensors(run.Id, [Gpu, Cpu]);
        store.AppendSamples([new(run.Id, "gpu0", 0.5, 10, 20, 30, null), new(run.Id, "cpu", 0.5, 1, 2, null, null)]);
        store.AppendSamples([new(run.Id, "gpu0", 1.5, 40, 30, 31, null), new(run.Id, "cpu", 1.5, 3, 2, null, null)]);
        store.AppendSamples([new(run.Id, "gpu0", 2.5, 70, 30, 32, null)]);

        Assert.Equal(
        [
            new Sample(run.Id, "cpu", 1.5, 3, 2, null, null),
            new Sample(run.Id, "gpu0", 1.5, 40, 30, 31, null),
            new Sample(run.Id, "gpu0", 2.5, 70, 30, 32, null),
        ], store.GetSamplesAfter(run.Id, 0.5, 10)); // 0.5 itself is not after 0.5
        Assert.Equal(
        [
            new Sample(run.Id, "cpu", 0.5, 1, 2, null, null),
            new Sample(run.Id, "gpu0", 0.5, 10, 20, 30, null),
        ], store.GetSamplesAfter(run.Id, -1, 2));
        Assert.Empty(store.GetSamplesAfter(run.Id, 2.5, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.GetSamplesAfter(run.Id, 0, 0));
        Assert.Throws<RunNotFoundException>(() => store.GetSamplesAfter("20260101-000000-nosuch", 0, 10));
    }

    [Fact]
    public void The_latest_samples_are_one_per_sensor_at_its_highest_offset()
    {
        var store = Store();
        var run = store.CreateRun(Runs.New());
        store.AddSensors(run.Id, [Gpu, Cpu]);
        Assert.Empty(store.GetLatestSamples(run.Id));
        store.AppendSamples([new(run.Id, "gpu0", 0.5, 10, 20, 30, null), new(run.Id, "cpu", 0.5, 1, 2, null, null)]);
        store.AppendSamples([new(run.Id, "gpu0", 1.5, 40, 30, 31, null)]);

        Assert.Equal(
        [
            new Sample(run.Id, "cpu", 0.5, 1, 2, null, null),
            new Sample(run.Id, "gpu0", 1.5, 40, 30, 31, null),
        ], store.GetLatestSamples(run.Id));
        Assert.Throws<RunNotFoundException>(() => store.GetLatestSamples("20260101-000000-nosuch"));
    }

    [Fact]
    public void Samples_are_counted_over_every_sensor_without_reading_them()
    {
        var store = Store();
        var run = store.CreateRun(Runs.New());
        store.AddSensors(run.Id, [Gpu, Cpu]);
        Assert.Equal(0, store.CountSamples(run.Id));
        store.AppendSamples([new(run.Id, "gpu0", 0.5, 10, 20, 30, null), new(run.Id, "cpu", 0.5, 1, 2, null, null)]);
        store.AppendSamples([new(run.Id, "gpu0", 1.5, 40, 30, 31, null)]);
        // Two sensors at 0.5 s and one at 1.5 s: three samples.
        Assert.Equal(3, store.CountSamples(run.Id));
        Assert.Throws<RunNotFoundException>(() => store.CountSamples("20260101-000000-nosuch"));
    }
}
