using System.Globalization;
using Cradle.Studies.Assessment;
using Cradle.Studies.Compilation;
using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Compilation;

/// <summary>
/// An alternative's values get the same range checks as the study as written: a value refused in the base study is
/// refused when an alternative sets it, naming the alternative, at the override's line.
/// </summary>
public sealed class AlternativeRangeTests
{
    /// <summary>The tiny study with one alternative overriding <paramref name="name"/> with <paramref name="value"/>.</summary>
    private static string WithOverride(string name, string value, string text = TinyStudy.Text) =>
        text + $"\nalternatives:\n  cheap-site:\n    parameters:\n      {name}: {value}\n";

    [Theory]
    [InlineData("sites.s.pue", "0.5", "is below 1")]
    [InlineData("hardware.fleet.lifespan", "-4 year", "is not positive")]
    [InlineData("hardware.fleet.utilisation", "1.5", "is above 1")]
    [InlineData("hardware.fleet.per_node", "0", "is below 1")]
    [InlineData("stages.pre_training.energy", "-5 kWh", "is below 0")]
    [InlineData("inference.energy_per_request", "-1 kWh/request", "is below 0")]
    public void An_out_of_range_override_of_a_generated_input_is_refused_at_the_alternative(string name, string value, string violation)
    {
        var text = WithOverride(name, value);
        var error = TinyStudy.Error(text, "out-of-range");
        // The field names the input by the ids written in the study (pre-training), whatever name the override used.
        Assert.Equal(Written(name), error.Field);
        Assert.StartsWith($"alternative 'cheap-site': {name} = ", error.Message, StringComparison.Ordinal);
        Assert.Contains(violation, error.Message, StringComparison.Ordinal);
        var (line, column) = TinyStudy.Find(text, $"{name}: {value}");
        Assert.Equal((line, column + name.Length + 2), (error.Location!.Line, error.Location.Column));
    }

    [Fact]
    public void A_division_by_zero_inside_a_grid_factor_names_the_file_the_line_and_the_alternative()
    {
        // Issue 11: "a division by zero inside a grid factor has no file, line or alternative". The grid's factor is
        // factor ÷ divisor = 0.5 kg/kWh ÷ 1 as written; alternative 'b' sets divisor to 0, so the factor is +∞.
        var text = TinyStudy.With("      gwp100: 0.5 kg CO2e/kWh\n      water", "      gwp100: \"factor / divisor\"\n      water")
            + "\nparameters:\n  factor: 0.5 kg CO2e/kWh\n  divisor: 1\nalternatives:\n  b:\n    parameters:\n      divisor: 0\n";
        Assert.NotEmpty(TinyStudy.Assess(text.Replace("      divisor: 0\n", "      divisor: 2\n", StringComparison.Ordinal)).Alternatives);
        var error = TinyStudy.Error(text, "out-of-range");
        Assert.Equal("grids.g.per_kwh.gwp100", error.Field);
        Assert.StartsWith("alternative 'b': grids.g.per_kwh.gwp100 = infinity is not a finite number", error.Message, StringComparison.Ordinal);
        Assert.Contains("division by zero", error.Message, StringComparison.Ordinal);
        // Located in the study file, at the alternative's override that makes it so (line and column of its value).
        Assert.Equal(TinyStudy.File, error.Location!.File);
        var (line, column) = TinyStudy.Find(text, "divisor: 0");
        Assert.Equal((line, column + "divisor: ".Length), (error.Location.Line, error.Location.Column));
        Assert.StartsWith($"{TinyStudy.File}:{line}:{column + "divisor: ".Length}: error [out-of-range] grids.g.per_kwh.gwp100: alternative 'b': ",
            error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_experimentation_share_set_by_an_alternative_is_refused()
    {
        var text = WithOverride("stages.experimentation.share", "-0.5", WithExperimentation);
        Assert.NotEmpty(TinyStudy.Assess(WithExperimentation).Alternatives);
        var error = TinyStudy.Error(text, "out-of-range");
        Assert.Equal("stages.experimentation.share", error.Field);
        Assert.Contains("alternative 'cheap-site'", error.Message, StringComparison.Ordinal);
        Assert.Equal(TinyStudy.Find(text, "-0.5").Line, error.Location!.Line);
    }

    [Fact]
    public void A_computed_value_pushed_out_of_range_by_an_alternative_is_located_at_the_override()
    {
        // The base study computes the PUE from a user parameter (1 + 0.5); the alternative makes it 1 + (-0.5) = 0.5.
        var text = TinyStudy.With("pue: 1.5", "pue: 1 + overhead") + "\nparameters:\n  overhead: 0.5\n";
        Assert.NotEmpty(TinyStudy.Assess(text).Alternatives);
        var withAlternative = WithOverride("overhead", "-0.5", text);
        var error = TinyStudy.Error(withAlternative, "out-of-range");
        Assert.Equal("sites.s.pue", error.Field);
        Assert.Contains("alternative 'cheap-site': sites.s.pue = 0.5 is below 1", error.Message, StringComparison.Ordinal);
        Assert.Equal(TinyStudy.Find(withAlternative, "overhead: -0.5").Line, error.Location!.Line);
    }

    [Fact]
    public void An_error_of_the_base_study_is_not_blamed_on_an_alternative_that_does_not_touch_it()
    {
        var text = WithOverride("sites.s.pue", "1.2", TinyStudy.With("lifespan: 2 year", "lifespan: -2 year"));
        var error = TinyStudy.Error(text, "out-of-range");
        Assert.Equal("hardware.fleet.lifespan", error.Field);
        Assert.DoesNotContain("alternative", error.Message, StringComparison.Ordinal);
        Assert.Equal(TinyStudy.Find(text, "-2 year"), (error.Location!.Line, error.Location.Column));
    }

    /// <summary>
    /// Property: for every range rule, a value that the rule refuses in the base study is refused when an alternative
    /// sets it. The rules are iterated, so a new rule is covered as soon as one of <see cref="Variants"/> has an input
    /// it applies to (and the test fails until one does).
    /// </summary>
    [Fact]
    public void Every_range_rule_applies_to_alternatives_as_to_the_base_study()
    {
        var inputs = Variants.SelectMany(text => Inputs(text).Select(input => (text, input.Name, input.Unit, input.Location))).ToList();
        foreach (var rule in RangeChecks.Rules)
        {
            var (text, name, unit, location) = inputs.FirstOrDefault(i => i.Name.EndsWith(rule.Suffix, StringComparison.Ordinal));
            Assert.True(name is not null, $"no study variant has an input for the rule '{rule.Suffix}': add one to Variants");
            var refused = Refused(rule, unit);

            var inBase = ReplaceValueAt(text, location!.Line, location.Column, refused);
            var baseError = Assert.Single(TinyStudy.Errors(inBase), e => e.Code == "out-of-range" && e.Field == Written(name));
            Assert.DoesNotContain("alternative", baseError.Message, StringComparison.Ordinal);

            var inAlternative = WithOverride(name, refused, text);
            var error = Assert.Single(TinyStudy.Errors(inAlternative), e => e.Code == "out-of-range" && e.Field == Written(name));
            Assert.StartsWith($"alternative 'cheap-site': {name} = ", error.Message, StringComparison.Ordinal);
            Assert.Equal(TinyStudy.Find(inAlternative, $"      {name}: ").Line, error.Location!.Line);
        }
    }

    /// <summary>A generated parameter name as a field path of the study (its only id with a '-' is pre-training).</summary>
    private static string Written(string name) => name.Replace("pre_training", "pre-training", StringComparison.Ordinal);

    /// <summary>The tiny study with an experimentation stage that is half of pre-training.</summary>
    private static string WithExperimentation =>
        TinyStudy.With("included: [pre-training,", "included: [experimentation, pre-training,")
            .Replace("    device_time: 2000 h\n", "    device_time: 2000 h\n  experimentation:\n    share_of: pre-training\n    share: 0.5\n", StringComparison.Ordinal);

    /// <summary>Studies that together have an input for every rule.</summary>
    private static string[] Variants =>
    [
        TinyStudy.Text,
        WithExperimentation
            .Replace("    pue: 1.5\n", "    pue: 1.5\n    offsite_water: 1 L/kWh\n", StringComparison.Ordinal)
            .Replace("    device_time: 2000 h\n", "    device_time: 2000 h\n    repeats: 2\n", StringComparison.Ordinal)
            .Replace("  device_time_per_request: 1 s/request", "  device_time_per_request: 1 s/request\n  samples_per_request: 2\n  idle:\n    power: 100 W\n    occupancy: 0.6", StringComparison.Ordinal)
            .Replace("  energy_per_request: 0.002 kWh/request\n",
                "  energy_per_token: 0.00001 kWh/token\n  output_tokens: 100 token/request\n  reasoning_tokens: 100 token/request\n", StringComparison.Ordinal),
        TinyStudy.Text
            .Replace("    energy: 1000 kWh\n", "    energy:\n      average_power: 300 W\n", StringComparison.Ordinal)
            .Replace("    device_time: 2000 h\n", "    device_time:\n      flops: 1e21 FLOP\n      mfu: 0.4\n      peak_compute: 1000 TFLOP/s\n", StringComparison.Ordinal),
        TinyStudy.Text
            .Replace("    utilisation: 0.5\n", "    utilisation: 0.5\n    allocation: energy\n    idle_power: 50 W\n", StringComparison.Ordinal)
            .Replace("  device_time_per_request: 1 s/request", "  device_time_per_request: 1 s/request\n  allocation: batch\n  latency: 2 s/request\n  batch_size: 8\n  devices_per_replica: 2", StringComparison.Ordinal),
        TinyStudy.Text
            .Replace("impact_categories: [gwp100, water]", "impact_categories: [gwp100, gwp20, water]", StringComparison.Ordinal)
            .Replace("      water: 2 L/kWh\n", "      water: 2 L/kWh\n    market_based:\n      gwp100: 0.1 kg CO2e/kWh\n      gwp20: 0.2 kg CO2e/kWh\n"
                + "    residual_mix:\n      gwp100: 0.6 kg CO2e/kWh\n      gwp20: 0.7 kg CO2e/kWh\n", StringComparison.Ordinal),
        // The work of one request: prefill, refinement rounds, a draft model, retrieval and tool calls.
        TinyStudy.Text
            .Replace("  energy_per_request: 0.002 kWh/request\n",
                "  energy_per_token: 0.00001 kWh/token\n  output_tokens: 100 token/request\n  input_tokens: 500 token/request\n"
                + "  energy_per_input_token: 0.000001 kWh/token\n  refinement_rounds: 1\n", StringComparison.Ordinal)
            .Replace("  device_time_per_request: 1 s/request", "  device_time_per_request: 1 s/request\n"
                + "  draft:\n    energy_per_token: 0.000001 kWh/token\n    tokens_per_output_token: 2\n"
                + "  retrieval:\n    calls_per_request: 2 call/request\n    search:\n      energy_per_call: 0.1 Wh/call\n"
                + "    hardware: fleet\n    device_time_per_call: 0.5 s/call\n"
                + "  tool_calls:\n    calls_per_request: 3 call/request\n    energy_per_call: 0.2 Wh/call", StringComparison.Ordinal),
        // Serving fleets stating their own requests and years of service.
        TinyStudy.Text
            .Replace("  lifetime_requests: 1e6 request\n", "", StringComparison.Ordinal)
            .Replace("  device_time_per_request: 1 s/request", "  device_time_per_request: 1 s/request\n  fleets:\n    cloud:\n      requests: 1e6 request\n      years: 3 year", StringComparison.Ordinal),
    ];


    private static IEnumerable<(string Name, Cradle.Core.Units.Unit Unit, Cradle.Syntax.SourceLocation Location)> Inputs(string text)
    {
        var compiled = StudyAssessor.Compile(text, TinyStudy.File, [], null).Alternatives[0];
        return compiled.Values.Table.Parameters
            .Where(p => p.Definition.Value is not null && compiled.ParameterLocations.ContainsKey(p.Name))
            .Select(p => (p.Name, p.Unit, compiled.ParameterLocations[p.Name]));
    }

    /// <summary>A value the rule refuses, written in the input's own unit.</summary>
    private static string Refused(RangeChecks.Rule rule, Cradle.Core.Units.Unit unit)
    {
        var baseValue = double.IsFinite(rule.Maximum) ? rule.Maximum + 1 : rule.MinimumInclusive ? rule.Minimum - 1 : rule.Minimum;
        Assert.NotNull(rule.Violation(baseValue));
        var number = unit.FromBase(baseValue).ToString("R", CultureInfo.InvariantCulture);
        return unit.Symbol == "1" ? number : $"{number} {unit.Symbol}";
    }

    /// <summary>The text with the scalar at (line, column) replaced by <paramref name="value"/> (to the end of the line).</summary>
    private static string ReplaceValueAt(string text, int line, int column, string value)
    {
        var lines = text.Split('\n');
        lines[line - 1] = lines[line - 1][..(column - 1)] + value;
        return string.Join('\n', lines);
    }
}
