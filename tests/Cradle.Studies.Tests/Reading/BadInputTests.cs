using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Reading;

/// <summary>Every mistake a user can make is reported with file, line, column, field, what was expected and a hint.</summary>
public sealed class BadInputTests
{
    [Fact]
    public void Malformed_yaml_names_the_line_and_column()
    {
        var text = TinyStudy.With("  audience: tests", "  audience: [tests");
        var error = Assert.Single(TinyStudy.Errors(text));
        Assert.Equal("malformed-yaml", error.Code);
        Assert.Equal(TinyStudy.File, error.Location!.File);
        Assert.True(error.Location.Line >= TinyStudy.Find(text, "[tests").Line, $"line {error.Location.Line}");
        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e999")]
    public void A_number_that_is_not_finite_is_refused_where_it_stands(string number)
    {
        // NaN would pass a range check such as "is <= 0 or >= 1" and silently turn every result into NaN.
        var text = TinyStudy.Text + $"\ninterpretation:\n  significance_threshold: {number}\n";
        var error = TinyStudy.Error(text, "not-a-number");
        Assert.Equal("interpretation.significance_threshold", error.Field);
        Assert.Equal(TinyStudy.Find(text, number).Line, error.Location!.Line);
        Assert.Contains("finite number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_key_is_an_error_with_its_position_and_the_closest_keys()
    {
        var text = TinyStudy.With("    energy: 1000 kWh", "    enrgy: 1000 kWh");
        var error = TinyStudy.Error(text, "unknown-key");
        Assert.Equal(TinyStudy.Find(text, "enrgy"), (error.Location!.Line, error.Location.Column));
        Assert.Equal("stages.pre-training.enrgy", error.Field);
        Assert.Contains("did you mean 'energy'", error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{TinyStudy.File}:{error.Location.Line}:{error.Location.Column}: error [unknown-key]", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_comma_inside_a_flow_mapping_hints_to_quote_the_value()
    {
        // YAML ends "source: Smith" at the comma, and "2020" becomes a key without a value.
        var text = TinyStudy.With("    energy: 1000 kWh", "    energy: {value: 1000 kWh, source: Smith, 2020}");
        var error = TinyStudy.Error(text, "unknown-key");
        Assert.Equal("stages.pre-training.energy.2020", error.Field);
        Assert.EndsWith("; inside {…} a comma ends a value, so '2020' was read as a new field: if it belongs to the 'source' before it, put that value in quotes (source: \"…, 2020\").",
            error.Message, StringComparison.Ordinal);

        // A misspelt key with a value of its own is not a comma: no such hint.
        var misspelt = TinyStudy.Error(TinyStudy.With("    energy: 1000 kWh", "    energy: {value: 1000 kWh, sorce: Smith}"), "unknown-key");
        Assert.DoesNotContain("comma", misspelt.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unit_mismatch_names_what_was_expected_and_what_was_found()
    {
        var text = TinyStudy.With("    energy: 1000 kWh", "    energy: 1000 kg");
        var error = TinyStudy.Error(text, "unit-mismatch");
        Assert.Equal(TinyStudy.Find(text, "1000 kg"), (error.Location!.Line, error.Location.Column));
        // The field as written in the file (pre-training), as unknown keys name it, not the generated name pre_training.
        Assert.Equal("stages.pre-training.energy", error.Field);
        Assert.Contains("expected an energy", error.Message, StringComparison.Ordinal);
        Assert.Contains("mass", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_that_is_not_a_number_is_printed_without_a_unit()
    {
        // 0 kWh × 0 / 0 is NaN: "= not a number kWh" read as a quantity; the value has no unit to show.
        var text = TinyStudy.With("cradle: 1\n", "cradle: 1\nparameters:\n  none: 0 kWh\n  zero: 0\n")
            .Replace("    energy: 1000 kWh", "    energy: none * zero / zero", StringComparison.Ordinal);
        var error = TinyStudy.Error(text, "out-of-range");
        Assert.Equal("stages.pre-training.energy", error.Field);
        Assert.Contains("stages.pre_training.energy = not a number is not a finite number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unit_mismatch_names_what_was_found_with_the_right_article()
    {
        // A bare energy where an energy per request is wanted: "is an energy", not "is a energy".
        var text = TinyStudy.With("energy_per_request: 0.002 kWh/request", "energy_per_request: 0.002 kWh");
        var error = TinyStudy.Error(text, "unit-mismatch");
        Assert.Contains("but '0.002 kWh' is an energy (kWh).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_an_energy_to_a_mass_in_an_expression_names_both_units()
    {
        var text = TinyStudy.With("cradle: 1\n", "cradle: 1\nparameters:\n  a: 3 kWh\n  b: 2 kg\n  c: a + b\n");
        var error = TinyStudy.Error(text, "unit-mismatch");
        Assert.Equal("c", error.Field);
        Assert.Contains("'a' in kWh (energy)", error.Message, StringComparison.Ordinal);
        Assert.Contains("'b' in kg (mass)", error.Message, StringComparison.Ordinal);
        // The column points at the '+' inside "a + b".
        Assert.Equal(TinyStudy.Find(text, "+ b"), (error.Location!.Line, error.Location.Column));
    }

    [Fact]
    public void Parameter_cycle_lists_the_cycle()
    {
        var text = TinyStudy.With("cradle: 1\n", "cradle: 1\nparameters:\n  a: b * 2\n  b: c + 1\n  c: a / 3\n");
        var error = TinyStudy.Error(text, "parameter-cycle");
        Assert.Contains("a → b → c → a", error.Message, StringComparison.Ordinal);
        Assert.Equal(TinyStudy.Find(text, "b * 2").Line, error.Location!.Line);
    }

    [Fact]
    public void Unknown_parameter_suggests_the_closest_name_and_points_at_it()
    {
        var text = TinyStudy.With("cradle: 1\n", "cradle: 1\nparameters:\n  training_energy: 5 kWh\n")
            .Replace("    energy: 1000 kWh", "    energy: traning_energy * 2", StringComparison.Ordinal);
        var error = TinyStudy.Error(text, "unknown-parameter");
        Assert.Contains("'traning_energy' is not a parameter", error.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'training_energy'", error.Message, StringComparison.Ordinal);
        Assert.Equal(TinyStudy.Find(text, "traning_energy * 2"), (error.Location!.Line, error.Location.Column));
    }

    [Fact]
    public void Negative_lifespan_is_out_of_range_at_its_position()
    {
        var text = TinyStudy.With("lifespan: 2 year", "lifespan: -2 year");
        var error = TinyStudy.Error(text, "out-of-range");
        Assert.Equal("hardware.fleet.lifespan", error.Field);
        Assert.Contains("positive lifespan", error.Message, StringComparison.Ordinal);
        Assert.Equal(TinyStudy.Find(text, "-2 year"), (error.Location!.Line, error.Location.Column));
    }

    [Fact]
    public void Negative_device_count_is_out_of_range()
    {
        var text = TinyStudy.With("per_node: 4", "per_node: -4");
        var error = TinyStudy.Error(text, "out-of-range");
        Assert.Equal("hardware.fleet.per_node", error.Field);
        Assert.Contains("at least one device per node", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hardware_referencing_a_missing_device_lists_the_defined_ones()
    {
        var text = TinyStudy.With("    device: gpu", "    device: gpuu");
        var error = TinyStudy.Error(text, "unknown-device");
        Assert.Equal(TinyStudy.Find(text, "gpuu"), (error.Location!.Line, error.Location.Column));
        Assert.Contains("did you mean 'gpu'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stage_referencing_missing_hardware_is_an_error()
    {
        var text = TinyStudy.With("    hardware: fleet\n    site: s\n    energy", "    hardware: flet\n    site: s\n    energy");
        var error = TinyStudy.Error(text, "unknown-hardware");
        Assert.Equal("stages.pre-training.hardware", error.Field);
        Assert.Contains("did you mean 'fleet'", error.Message, StringComparison.Ordinal);
        Assert.Equal(TinyStudy.Find(text, "flet").Line, error.Location!.Line);
    }

    [Fact]
    public void Serving_on_a_missing_site_is_an_error_at_the_site_line()
    {
        var text = TinyStudy.With("  site: s\n  lifetime_requests", "  site: ss\n  lifetime_requests");
        var error = TinyStudy.Error(text, "unknown-site");
        Assert.Equal("inference.site", error.Field);
        Assert.Equal(TinyStudy.Find(text, "site: ss").Line, error.Location!.Line);
        Assert.Contains("'s'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_unit_suggests_known_symbols()
    {
        var text = TinyStudy.With("energy: 1000 kWh", "energy: 1000 kwh");
        var error = TinyStudy.Error(text, "unknown-unit");
        Assert.Contains("'kWh'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_required_sections_are_all_reported_at_once()
    {
        var errors = TinyStudy.Errors("cradle: 1\nname: empty\n");
        var codes = errors.Select(e => (e.Code, e.Field)).ToList();
        Assert.Contains(("missing-field", "goal"), codes);
        Assert.Contains(("missing-field", "functional_unit"), codes);
        Assert.Contains(("missing-field", "system_boundary"), codes);
    }

    [Fact]
    public void Wrong_format_version_is_refused()
    {
        var error = TinyStudy.Error(TinyStudy.With("cradle: 1", "cradle: 2"), "unsupported-version");
        Assert.Equal((1, 9), (error.Location!.Line, error.Location.Column));
    }

    [Fact]
    public void Data_for_a_stage_the_boundary_does_not_mention_is_an_error()
    {
        var text = TinyStudy.With("included: [pre-training, inference, hardware-manufacture]", "included: [pre-training, inference]");
        var error = TinyStudy.Error(text, "boundary-incomplete");
        Assert.Contains("hardware-manufacture", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Excluding_a_stage_without_a_reason_is_an_error()
    {
        var text = TinyStudy.With("  included: [pre-training, inference, hardware-manufacture]",
            "  included: [pre-training, inference, hardware-manufacture]\n  excluded:\n    end-of-life:");
        Assert.Equal("system_boundary.excluded.end-of-life", TinyStudy.Error(text, "missing-reason").Field);
    }

    [Fact]
    public void Facility_energy_with_pue_applied_would_count_overhead_twice()
    {
        var text = TinyStudy.With("    energy: 1000 kWh", "    energy:\n      value: 1000 kWh\n      boundary: facility\n      pue: apply");
        Assert.Equal("stages.pre-training.energy.pue", TinyStudy.Error(text, "pue-twice").Field);
    }

    [Fact]
    public void Several_errors_are_reported_together_in_file_order()
    {
        var text = TinyStudy.With("lifespan: 2 year", "lifespn: 2 year")
            .Replace("    enrgy", "    energy", StringComparison.Ordinal)
            .Replace("application: tests", "aplication: tests", StringComparison.Ordinal);
        var errors = TinyStudy.Errors(text);
        Assert.True(errors.Count >= 2);
        Assert.Equal(errors.OrderBy(e => e.Location?.Line).Select(e => e.Location?.Line), errors.Select(e => e.Location?.Line));
    }
}
