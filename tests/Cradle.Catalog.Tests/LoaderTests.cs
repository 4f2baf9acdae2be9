namespace Cradle.Catalog.Tests;

/// <summary>User catalog files are validated like the shipped ones, each problem at its file, line and column.</summary>
public sealed class LoaderTests
{
    [Fact]
    public void A_valid_user_file_adds_entries_that_resolve_by_id_name_and_alias()
    {
        var catalog = UserFiles.Load(UserFiles.Bibliography, UserFiles.Datacentre, UserFiles.Grid);
        Assert.Equal("our-lab", catalog.Find("Lab DC")!.Id);
        Assert.Equal("our-lab", catalog.Find("our lab's machine room")!.Id);
        Assert.Equal(1.6, catalog.Find("our-lab")!.Figure("pue")!.Default.Value.Value);
        Assert.Equal($"{ReferenceCatalog.ShippedVersion} + user0.yaml + user1.yaml + user2.yaml", catalog.Version);
    }

    [Fact]
    public void Estimates_spread_gives_the_interval_of_a_figure()
    {
        var figure = UserFiles.Load(UserFiles.Bibliography, UserFiles.Grid).Find("our-ppa")!.Figure("gwp100")!;
        Assert.Equal((12.0, 40.0), figure.Uncertainty.Interval(figure));
        Assert.Equal("life-cycle", figure.Default.Basis);
    }

    [Fact]
    public void Lognormal_interval_is_median_over_and_times_gsd_to_the_1645()
    {
        var text = UserFiles.Grid.Replace("        uncertainty: {distribution: estimates}\n", "", StringComparison.Ordinal);
        var figure = UserFiles.Load(UserFiles.Bibliography, text).Find("our-ppa")!.Figure("gwp100")!;
        var (low, high) = figure.Uncertainty.Interval(figure);
        Assert.Equal(40 / Math.Pow(1.15, 1.645), low, 12); // 31.7
        Assert.Equal(40 * Math.Pow(1.15, 1.645), high, 12); // 50.4
    }

    [Fact]
    public void An_unknown_source_key_is_reported_at_its_estimate()
    {
        var text = UserFiles.Datacentre.Replace("value: 1.6\n        source: our-meter-2026", "value: 1.6\n        source: our-meters-2026", StringComparison.Ordinal);
        var error = Assert.Single(UserFiles.Errors(UserFiles.Bibliography, text), e => e.Code == "unknown-source");
        Assert.Contains("did you mean 'our-meter-2026'", error.Message, StringComparison.Ordinal);
        Assert.Equal("user1.yaml", error.Location!.File);
        Assert.Equal(UserFiles.Find(text, "1.6").Line, error.Location.Line);
    }

    [Fact]
    public void A_value_of_the_wrong_dimension_names_what_was_expected()
    {
        var text = UserFiles.Datacentre.Replace("value: 0.3 L/kWh", "value: 0.3 kWh", StringComparison.Ordinal);
        var error = Assert.Single(UserFiles.Errors(UserFiles.Bibliography, text), e => e.Code == "unit-mismatch");
        Assert.Equal(UserFiles.Find(text, "0.3 kWh"), (error.Location!.Line, error.Location.Column));
        Assert.Contains("water intensity of energy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_figure_without_uncertainty_is_refused()
    {
        var text = UserFiles.Datacentre.Replace("        uncertainty: {distribution: normal, relative_sd: 0.05}\n", "", StringComparison.Ordinal);
        Assert.Contains(UserFiles.Errors(UserFiles.Bibliography, text), e => e.Code == "missing-uncertainty" && e.Field == "our-lab.figures.pue");
    }

    [Fact]
    public void A_grid_carbon_factor_without_its_basis_is_refused()
    {
        var text = UserFiles.Grid.Replace(", basis: direct}", "}", StringComparison.Ordinal);
        Assert.Contains(UserFiles.Errors(UserFiles.Bibliography, text), e => e.Code == "missing-basis");
    }

    [Fact]
    public void A_grid_factor_in_the_wrong_unit_is_implausible()
    {
        // 40 kg/kWh is 40,000 g/kWh: surely meant 40 g.
        var text = UserFiles.Grid.Replace("40 g CO2e/kWh", "40 kg CO2e/kWh", StringComparison.Ordinal);
        var error = Assert.Single(UserFiles.Errors(UserFiles.Bibliography, text), e => e.Code == "implausible-value");
        Assert.Contains("0–1500 g CO2e/kWh", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pue_below_one_is_implausible()
    {
        var text = UserFiles.Datacentre.Replace("value: 1.6", "value: 0.9", StringComparison.Ordinal);
        Assert.Contains(UserFiles.Errors(UserFiles.Bibliography, text), e => e.Code == "implausible-value");
    }

    [Fact]
    public void An_unknown_figure_name_suggests_the_figures_of_its_kind()
    {
        var text = UserFiles.Datacentre.Replace("      pue:", "      pu:", StringComparison.Ordinal);
        var error = Assert.Single(UserFiles.Errors(UserFiles.Bibliography, text), e => e.Code == "unknown-figure");
        Assert.Contains("did you mean 'pue'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_is_reported_with_its_position()
    {
        var text = UserFiles.Datacentre.Replace("    aliases: [Lab DC]", "    alias: [Lab DC]", StringComparison.Ordinal);
        var error = Assert.Single(UserFiles.Errors(UserFiles.Bibliography, text), e => e.Code == "unknown-key");
        Assert.Equal(UserFiles.Find(text, "alias:"), (error.Location!.Line, error.Location.Column));
    }

    [Fact]
    public void Two_entries_answering_to_one_name_is_a_conflict()
    {
        var text = UserFiles.Grid.Replace("    name: Our power purchase agreement", "    name: Our power purchase agreement\n    aliases: [LAB-DC]", StringComparison.Ordinal);
        var error = Assert.Single(UserFiles.Errors(UserFiles.Bibliography, UserFiles.Datacentre, text), e => e.Code == "alias-conflict");
        Assert.Contains("labdc", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_id_twice_in_user_files_is_an_error()
    {
        Assert.Contains(UserFiles.Errors(UserFiles.Bibliography, UserFiles.Datacentre, UserFiles.Datacentre), e => e.Code == "duplicate-id");
    }

    [Fact]
    public void An_estimates_uncertainty_needs_two_estimates()
    {
        const string second = "\n          - {value: 12 g CO2e/kWh, source: our-meter-2026, year: 2026, basis: direct}";
        Assert.Contains(second, UserFiles.Grid, StringComparison.Ordinal);
        var text = UserFiles.Grid.Replace(second, "", StringComparison.Ordinal);
        Assert.Contains(UserFiles.Errors(UserFiles.Bibliography, text), e => e.Code == "invalid-uncertainty");
    }

    [Fact]
    public void A_reference_to_an_entry_of_the_wrong_kind_is_refused()
    {
        const string region = """
            catalog: 1
            kind: cloud-region
            entries:
              - id: lab-region
                name: Lab region
                refs: {grid: our-lab, datacentre: our-lab}
            """;
        var error = Assert.Single(UserFiles.Errors(UserFiles.Bibliography, UserFiles.Datacentre, region), e => e.Code == "unknown-ref");
        Assert.Equal("lab-region.refs.grid", error.Field);
    }

    [Fact]
    public void Malformed_yaml_is_reported_with_its_file()
    {
        var error = Assert.Single(UserFiles.Errors("catalog: 1\nkind: [grid\n"));
        Assert.Equal("malformed-yaml", error.Code);
        Assert.Equal("user0.yaml", error.Location!.File);
    }

    [Fact]
    public void Errors_in_several_files_are_listed_file_by_file_not_interleaved_by_line()
    {
        // user0 has an error on line 4, user1 on line 2 or 3, user2 on lines 4 and 5: sorted by line alone, user1's
        // error would come first and user0's would sit among user2's.
        const string first = "catalog: 1\nkind: datacentre\nentries:\n  - {id: a, name: A, colour: red}\n";
        const string second = "catalog: 1\nkind: [grid\n";
        var errors = UserFiles.Errors(first, second, "catalog: 1\nkind: datacentre\nentries:\n  - id: b\n    nam: B\n");
        var files = errors.Select(e => e.Location!.File).ToList();
        var changes = files.Zip(files.Skip(1)).Count(pair => pair.First != pair.Second);
        Assert.Equal(2, changes); // three files, each one block
        Assert.Equal(["user0.yaml", "user1.yaml", "user2.yaml"], files.Distinct());
    }
}
