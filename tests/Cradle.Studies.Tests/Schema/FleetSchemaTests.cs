namespace Cradle.Studies.Tests.Schema;

/// <summary>Serving fleets in the schema: valid exactly when the reader accepts them.</summary>
public sealed partial class StudySchemaTests
{
    [Fact]
    public async Task The_two_fleet_study_is_valid()
    {
        var text = Fleets.FleetStudy.Study();

        Assert.Empty(await ValidateAsync(text));
        Assert.Empty(CradleErrors(text));
    }

    [Theory]
    [InlineData("requests: 7.5e5 request", "requests: 2.5e5 request", "", true)]
    [InlineData("share: 0.75", "share: 0.25\n      requests: 2.5e5 request", "  lifetime_requests: 1e6 request\n", false)]
    [InlineData("share: 0.75", "", "  lifetime_requests: 1e6 request\n", false)]
    [InlineData("share: 0.75", "share: 0.25\n      colour: red", "  lifetime_requests: 1e6 request\n", false)]
    public async Task Fleets_are_valid_in_the_schema_exactly_when_the_reader_accepts_them(string cloud, string edge, string lifetime, bool valid)
    {
        var text = Fleets.FleetStudy.Study(cloud, edge, lifetime);

        Assert.Equal(valid, (await ValidateAsync(text)).Count == 0);
        Assert.Equal(valid, CradleErrors(text).Count == 0);
    }

    [Fact]
    public async Task Hardware_at_inference_is_a_default_whose_device_time_each_fleet_may_state()
    {
        // Both fleets on the tiny study's GPU fleet: the phones' hardware line goes, the inference states the default.
        var text = Fleets.FleetStudy.Study(lifetime: "  lifetime_requests: 1e6 request\n  hardware: fleet\n")
            .Replace("      hardware: phone\n", "", StringComparison.Ordinal);

        Assert.Empty(await ValidateAsync(text));
        Assert.Empty(CradleErrors(text));
        // Edge now on the GPU fleet: 4 s × 100 ÷ 3,600 ÷ 8,760 kg per request.
        var edge = Cradle.Studies.Assessment.StudyAssessor.Assess(text, "fleets.yaml").Alternatives[0].Fleets[1];
        Assert.Equal(Fleets.FleetStudy.EdgeEnergy + (4 * Fleets.FleetStudy.CloudEmbodied), edge.PerRequest[0], 15);
    }
}
