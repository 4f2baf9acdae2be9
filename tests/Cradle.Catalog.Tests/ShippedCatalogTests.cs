using Cradle.Catalog.Model;
using Cradle.Core.Units;

namespace Cradle.Catalog.Tests;

/// <summary>
/// Checks over every figure of the shipped catalog: a source that resolves, a year, a unit and an uncertainty; values
/// in plausible ranges; a basis on every grid carbon factor; the entries the issue asks for are present.
/// </summary>
public sealed class ShippedCatalogTests
{
    private static readonly ReferenceCatalog Catalog = CatalogLoader.Shipped;
    private static readonly string[] Bases = ["direct", "life-cycle"];

    private static IEnumerable<(CatalogEntry Entry, Figure Figure, Estimate Estimate)> Estimates() =>
        from entry in Catalog.Entries from figure in entry.Figures.Values from estimate in figure.Estimates select (entry, figure, estimate);

    [Fact]
    public void Every_estimate_has_a_resolving_source_a_year_and_a_unit()
    {
        Assert.All(Estimates(), x =>
        {
            Assert.True(Catalog.Sources.ContainsKey(x.Estimate.Source), $"{x.Entry.Id}.{x.Figure.Name}: source '{x.Estimate.Source}'");
            Assert.InRange(x.Estimate.Year, 1990, 2030);
            Assert.True(x.Estimate.Value.Unit == Unit.One ? x.Estimate.Value.Dimension.IsDimensionless : x.Estimate.Value.Unit.Symbol.Length > 0);
        });
    }

    [Fact]
    public void Every_figure_has_an_uncertainty_whose_interval_contains_its_default()
    {
        Assert.All(Catalog.Entries.SelectMany(e => e.Figures.Values), figure =>
        {
            var (low, high) = figure.Uncertainty.Interval(figure);
            Assert.InRange(figure.Default.Value.Value, low, high);
        });
    }

    [Fact]
    public void Every_grid_carbon_factor_states_its_basis()
    {
        var factors = Estimates().Where(x => x.Figure.Name == "gwp100" && x.Entry.Kind is CatalogKinds.Grid or CatalogKinds.CloudRegion).ToList();
        Assert.NotEmpty(factors);
        Assert.All(factors, x => Assert.Contains(x.Estimate.Basis, Bases));
    }

    [Theory]
    [InlineData(CatalogKinds.Grid, "gwp100", "g CO2e/kWh", 0, 1500)]
    [InlineData(CatalogKinds.CloudRegion, "gwp100", "g CO2e/kWh", 0, 1500)]
    [InlineData(CatalogKinds.Datacentre, "pue", "1", 1.0, 3.0)]
    [InlineData(CatalogKinds.CloudRegion, "pue", "1", 1.0, 3.0)]
    [InlineData(CatalogKinds.Accelerator, "power", "W", 5, 2000)]
    [InlineData(CatalogKinds.Cpu, "power", "W", 5, 2000)]
    public void Values_sit_in_plausible_ranges(string kind, string figure, string unit, double min, double max)
    {
        var target = UnitParser.Parse(unit);
        var values = Estimates().Where(x => x.Entry.Kind == kind && x.Figure.Name == figure).Select(x => (x.Entry.Id, Value: x.Estimate.Value.ConvertTo(target).Value)).ToList();
        Assert.All(values, v => Assert.True(v.Value >= min && v.Value <= max, $"{v.Id}: {v.Value} {unit}"));
    }

    [Fact]
    public void At_least_a_hundred_countries_have_a_carbon_factor()
    {
        var countries = Catalog.List(CatalogKinds.Grid).Where(e => e.Attributes.ContainsKey("iso3") && e.Figure("gwp100") is not null).ToList();
        Assert.True(countries.Count >= 100, $"{countries.Count} countries");
        Assert.Equal("de", Catalog.Find("DEU")!.Id);
        Assert.Equal("de", Catalog.Find("Germany")!.Id);
    }

    [Theory]
    [InlineData("us-egrid-rfcw")]
    [InlineData("us-egrid-erct")]
    [InlineData("aws-us-east-1")]
    [InlineData("gcp-europe-west4")]
    [InlineData("azure-westeurope")]
    [InlineData("google-fleet")]
    [InlineData("industry-average")]
    public void The_grids_regions_and_fleets_studies_name_are_present(string id) => Assert.NotNull(Catalog.Find(id));

    [Theory]
    [InlineData("NVIDIA V100 SXM2 32GB")]
    [InlineData("NVIDIA V100 PCIe 16GB")]
    [InlineData("NVIDIA A100 SXM4 40GB")]
    [InlineData("NVIDIA A100 SXM4 80GB")]
    [InlineData("NVIDIA H100 SXM5 80GB")]
    [InlineData("NVIDIA H100 PCIe 80GB")]
    [InlineData("NVIDIA H200")]
    [InlineData("NVIDIA B200")]
    [InlineData("NVIDIA L4")]
    [InlineData("NVIDIA L40S")]
    [InlineData("NVIDIA T4")]
    [InlineData("NVIDIA GeForce RTX 3090")]
    [InlineData("NVIDIA GeForce RTX 4090")]
    [InlineData("AMD Instinct MI250X")]
    [InlineData("AMD Instinct MI300X")]
    [InlineData("Google TPU v2")]
    [InlineData("Google TPU v3")]
    [InlineData("Google TPU v4")]
    [InlineData("Google TPU v5e")]
    [InlineData("NVIDIA Tesla K80")]
    [InlineData("NVIDIA Tesla P100")]
    [InlineData("NVIDIA GeForce GTX 1080 Ti")]
    [InlineData("NVIDIA GTX TITAN X")]
    public void The_accelerators_the_issue_names_are_present_with_their_power(string name)
    {
        var device = Catalog.Find(name, CatalogKinds.Devices);
        Assert.NotNull(device);
        Assert.Equal(CatalogKinds.Accelerator, device.Kind);
        Assert.NotNull(device.Figure("power"));
    }

    [Fact]
    public void The_h100_keeps_every_disagreeing_embodied_estimate_with_nvidias_first()
    {
        // SOURCES.md §9: NVIDIA's PCF 164 kg (default), Morrison/Luccioni 463 kg, Boavizta bottom-up 575.1 kg.
        var gwp = Catalog.Find("nvidia-h100-sxm5-80gb")!.Figure("embodied.gwp100")!;
        Assert.Equal(164, gwp.Default.Value.Value, 9);
        Assert.Contains(gwp.Estimates, e => e.Value.Value == 463 && e.Source == "morrison-2025");
        Assert.Contains(gwp.Estimates, e => e.Value.Value == 575.1);
        Assert.Equal("estimates", gwp.Uncertainty.Distribution);
    }

    [Fact]
    public void Cloud_regions_map_to_a_grid_and_a_data_centre_with_a_pue()
    {
        Assert.All(Catalog.List(CatalogKinds.CloudRegion), region =>
        {
            Assert.Equal(CatalogKinds.Grid, Catalog.Find(region.Refs["grid"])!.Kind);
            var datacentre = Catalog.Find(region.Refs["datacentre"])!;
            Assert.NotNull(region.Figure("pue") ?? datacentre.Figure("pue"));
        });
    }

    [Fact]
    public void Every_source_has_a_licence_and_every_method_names_its_source()
    {
        Assert.All(Catalog.Sources.Values, s => Assert.False(string.IsNullOrWhiteSpace(s.Licence), s.Key));
        Assert.All(Catalog.Methods, m => Assert.True(Catalog.Sources.ContainsKey(m.Source), m.Method.Id));
    }

    [Theory]
    [InlineData("ipcc-ar6-gwp100", "gwp100", "ch4-fossil-air", 29.8)]
    [InlineData("ipcc-ar6-gwp100", "gwp100", "n2o-air", 273)]
    [InlineData("ipcc-ar6-gwp100", "gwp100", "sf6-air", 25200)]
    [InlineData("traci-2.1", "acidification", "so2-air", 1.0)]
    [InlineData("traci-2.1", "acidification", "nox-air", 0.7)]
    public void Method_factors_are_those_of_their_source(string method, string category, string flow, double factor)
    {
        // IPCC AR6 WG1 Table 7.15 / 7.SM.7 and TRACI 2.1, as transcribed in shared/reference-data/SOURCES.md §1–2.
        var found = Catalog.Method(method)!.Method.Categories.Single(c => c.Id == category).Factors[flow];
        Assert.Equal(factor, found, 9);
    }
}
