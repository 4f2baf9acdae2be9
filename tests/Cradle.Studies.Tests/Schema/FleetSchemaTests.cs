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
}
