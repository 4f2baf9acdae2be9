using Cradle.Studies;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cradle.Studies.Assessment;
using Cradle.Syntax;
using NJsonSchema;
using NJsonSchema.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cradle.Studies.Tests.Schema;

/// <summary>
/// schemas/study.schema.json against the studies Cradle reads: the shipped example and the minimal study of
/// docs/study-format.md are valid (and the minimal study assesses to the total the reference derives by hand), and
/// studies that Cradle rejects fail the schema too.
/// </summary>
public sealed partial class StudySchemaTests
{
    private static readonly Lazy<Task<JsonSchema>> Schema = new(LoadSchemaAsync);

    [Fact]
    public async Task The_olmo2_example_is_valid()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot, "examples", "olmo2-7b", "study.yaml"));

        Assert.Empty(await ValidateAsync(text));
    }

    [Fact]
    public async Task Delivers_at_the_top_and_in_alternatives_is_valid_and_a_score_without_a_source_is_not()
    {
        var text = Support.TradeoffStudy.Text();
        Assert.Empty(await ValidateAsync(text));
        Assert.Empty(CradleErrors(text));
        var unsourced = text.Replace(", source: \"eval run 12\"}", "}", StringComparison.Ordinal);
        Assert.NotEqual(text, unsourced);
        Assert.NotEmpty(await ValidateAsync(unsourced));
        Assert.NotEmpty(CradleErrors(unsourced));
    }

    [Fact]
    public async Task The_reasoning_vs_training_example_is_valid()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot, "examples", "reasoning-vs-training", "study.yaml"));

        Assert.Empty(await ValidateAsync(text));
    }

    [Theory]
    [InlineData("1e6 token", "450 token/request")]
    [InlineData("1000 image", "4 image/request")]
    [InlineData("1 GPU-h", "1 s/request")]
    public async Task Functional_units_of_tokens_images_and_gpu_time_are_valid(string amount, string servicePerRequest)
    {
        var text = Support.TinyStudy.With("  amount: 1 request", $"  amount: {amount}");
        text = Support.TinyStudy.With("  device_time_per_request: 1 s/request", $"  device_time_per_request: 1 s/request\n  service_per_request: {servicePerRequest}", text);

        Assert.Empty(await ValidateAsync(text));
        Assert.Single(StudyAssessor.Assess(text, "service.yaml").Alternatives);
    }

    [Theory]
    [InlineData("  idle: { power: 100 W, occupancy: 0.6 }", true)]
    [InlineData("  idle:\n    power: 100 W\n    occupancy: 0.6\n    source: vendor idle figure", true)]
    [InlineData("  idle: { power: 100 W, occupancy: 0.6, share: 0.4 }", false)]
    [InlineData("  idle: { power: 100 W }", false)]
    public async Task Inference_idle_is_valid_in_the_schema_exactly_when_the_reader_accepts_it(string idle, bool valid)
    {
        var text = Support.TinyStudy.With("  device_time_per_request: 1 s/request", $"  device_time_per_request: 1 s/request\n{idle}");

        Assert.Equal(valid, (await ValidateAsync(text)).Count == 0);
        Assert.Equal(valid, CradleErrors(text).Count == 0);
    }

    [Theory]
    [InlineData("    market_based: {gwp100: 0.1 kg CO2e/kWh, source: supplier mix}\n    residual_mix: {gwp100: 0.6 kg CO2e/kWh}\n", "", true)]
    [InlineData("", "    market_based: {gwp100: 0 kg CO2e/kWh}\n", true)]
    [InlineData("    market_based: {water: 1 L/kWh}\n", "", false)]
    [InlineData("    residual: {gwp100: 0.6 kg CO2e/kWh}\n", "", false)]
    public async Task Carbon_factors_by_basis_are_valid_in_the_schema_exactly_when_the_reader_accepts_them(string grid, string site, bool valid)
    {
        var text = Support.TinyStudy.With("      water: 2 L/kWh\n", "      water: 2 L/kWh\n" + grid);
        text = Support.TinyStudy.With("    wue: 0.25 L/kWh\n", "    wue: 0.25 L/kWh\n" + site, text);
        text = Support.TinyStudy.With("  audience: tests\n", "  audience: tests\n  carbon_basis: market-based\n", text);

        Assert.Equal(valid, (await ValidateAsync(text)).Count == 0);
        Assert.Equal(valid, CradleErrors(text).Count == 0);
    }

    [Fact]
    public async Task The_minimal_study_of_the_reference_is_valid_and_assesses_to_the_total_derived_there()
    {
        var text = MinimalStudy();

        Assert.Empty(await ValidateAsync(text));
        var assessment = StudyAssessor.Assess(text, "minimal.yaml");
        var result = Assert.Single(assessment.Alternatives);
        // 120 kWh × 1.5 × 0.4 kg CO2e/kWh + 400 h × 150 kg CO2e ÷ (5 × 8,760 h), as docs/study-format.md derives it.
        Assert.Equal(72 + (400 * 150 / (5 * 8760.0)), result.Totals[0], 9);
    }

    [Theory]
    [InlineData("titel", "", "cradle: 1\n", "cradle: 1\ntitel: A misspelt name\n")]
    [InlineData("audiance", "goal.", "  audience: the model's developers\n", "  audience: the model's developers\n  audiance: everyone\n")]
    [InlineData("enrgy", "stages.supervised-fine-tuning.", "    device_time: 400 h\n", "    device_time: 400 h\n    enrgy: 1 kWh\n")]
    [InlineData("boundry", "stages.supervised-fine-tuning.energy.", "      boundary: node\n", "      boundary: node\n      boundry: gpu\n")]
    [InlineData("unit", "sites.lab.pue.", "    pue: 1.5\n", "    pue:\n      value: 1.5\n      unit: '1'\n")]
    [InlineData("powr", "hardware.lab-a100.node.", "    per_node: 8\n", "    per_node: 8\n    node:\n      powr: 2 kW\n")]
    public async Task An_unknown_key_fails_the_schema_as_it_fails_the_reader(string key, string parent, string find, string replace)
    {
        var text = Edit(MinimalStudy(), find, replace);

        // Distinct: the reader reports an unknown key of an energy, device-time or parameter mapping twice today.
        var problem = Assert.Single(CradleErrors(text).Select(p => (p.Code, p.Field)).Distinct());
        Assert.Equal(("unknown-key", parent + key), problem);
        var errors = Flatten(await ValidateAsync(text)).ToList();
        Assert.Contains(errors, e => e.Kind == ValidationErrorKind.NoAdditionalPropertiesAllowed && e.Property == key);
    }

    [Theory]
    [InlineData("unknown-choice", "      boundary: node\n", "      boundary: wall\n", ValidationErrorKind.NotInEnumeration)]
    [InlineData("missing-field", "  audience: the model's developers\n", "", ValidationErrorKind.PropertyRequired)]
    [InlineData("unknown-stage", "  included: [supervised-fine-tuning, hardware-manufacture]\n", "  included: [fine-tuning, hardware-manufacture]\n", ValidationErrorKind.NotInEnumeration)]
    [InlineData("unit-mismatch", "    lifespan: 5 year\n", "    lifespan: 5\n", ValidationErrorKind.NotAnyOf)]
    [InlineData("out-of-range", "    pue: 1.5\n", "    pue: 0.9\n", ValidationErrorKind.NotAnyOf)]
    [InlineData("energy-form", "      boundary: node\n", "      boundary: node\n      average_power: 300 W\n", ValidationErrorKind.NotOneOf)]
    public async Task A_value_cradle_rejects_fails_the_schema(string code, string find, string replace, ValidationErrorKind kind)
    {
        var text = Edit(MinimalStudy(), find, replace);

        Assert.Contains(code, CradleErrors(text).Select(p => p.Code));
        Assert.Contains(kind, Flatten(await ValidateAsync(text)).Select(e => e.Kind));
    }

    [Fact]
    public async Task An_embodied_estimator_is_valid_and_an_unknown_one_fails_the_schema_as_it_fails_the_reader()
    {
        var chosen = Edit(MinimalStudy(), "    name: NVIDIA A100 SXM4 40GB\n", "    base: nvidia-a100-sxm4-40gb\n    embodied_estimator: ademe-parametric\n");
        Assert.Empty(CradleErrors(chosen));
        Assert.Empty(await ValidateAsync(chosen));

        var unknown = Edit(chosen, "embodied_estimator: ademe-parametric", "embodied_estimator: ademe");
        Assert.Contains("unknown-estimator", CradleErrors(unknown).Select(p => p.Code));
        Assert.Contains(ValidationErrorKind.NotInEnumeration, Flatten(await ValidateAsync(unknown)).Select(e => e.Kind));
    }

    [Fact]
    public async Task Values_from_runs_are_valid_and_a_value_beside_from_run_is_not()
    {
        var fromRun = Edit(MinimalStudy(), "      value: 120 kWh\n      provenance: measured\n      boundary: node\n    device_time: 400 h\n",
            "      from_run: 20261128-101500-ab12cd\n      boundary: node\n      pue: apply\n    device_time: {from_run: sft-run}\n");
        Assert.Empty(await ValidateAsync(fromRun));

        var both = Edit(fromRun, "      boundary: node\n", "      value: 120 kWh\n      boundary: node\n");
        Assert.Contains("from-run-form", Assert.Throws<StudyException>(() => StudyAssessor.Assess(both, "study.yaml", [], null, null,
            new Support.FakeRunSource(Support.FakeRunSource.Run("20261128-101500-ab12cd", null, Support.FakeRunSource.Package(1))))).Problems.Select(p => p.Code));
        Assert.NotEmpty(await ValidateAsync(both));
    }

    [Fact]
    public async Task A_declared_footprint_is_valid_and_a_misspelt_basis_fails_the_schema_as_it_fails_the_reader()
    {
        // The fine-tuning run known only from a reported 48 kg CO2e, plus its hardware time for the embodied share.
        var declared = Edit(MinimalStudy(), "    site: lab\n    energy:\n      value: 120 kWh\n      provenance: measured\n      boundary: node\n",
            "    footprint:\n      gwp100: {value: 48 kg CO2e, source: the developer's report, basis: location-based}\n");
        Assert.Empty(CradleErrors(declared));
        Assert.Empty(await ValidateAsync(declared));

        var misspelt = Edit(declared, "basis: location-based", "basis: location");
        Assert.Contains("unknown-choice", CradleErrors(misspelt).Select(p => p.Code));
        Assert.Contains(ValidationErrorKind.NotInEnumeration, Flatten(await ValidateAsync(misspelt)).Select(e => e.Kind));
    }

    [Fact]
    public async Task Serving_without_hardware_is_valid_but_hardware_without_device_time_is_not()
    {
        var serving = Edit(MinimalStudy(), "    inference: the model is not served yet\n", "    hardware-manufacture: not assessed\n")
            .Replace("  included: [supervised-fine-tuning, hardware-manufacture]\n", "  included: [supervised-fine-tuning, inference]\n", StringComparison.Ordinal)
            .Replace("  amount: 1 model\n", "  amount: 1000 request\n", StringComparison.Ordinal)
            + "inference:\n  site: lab\n  lifetime_requests: 1e9 request\n  energy_per_request: 0.001 kWh/request\n";
        Assert.Empty(CradleErrors(serving));
        Assert.Empty(await ValidateAsync(serving));

        var withHardware = serving + "  hardware: lab-a100\n";
        Assert.Contains("missing-field", CradleErrors(withHardware).Select(p => p.Code));
        Assert.NotEmpty(await ValidateAsync(withHardware));
    }

    [Fact]
    public async Task Water_conventions_and_alternative_conventions_are_valid_and_a_misspelt_name_fails_the_schema_as_it_fails_the_reader()
    {
        var named = Edit(MinimalStudy(), "cradle: 1\n", "cradle: 1\nwater_convention: li-2023\n")
            + "alternatives:\n  as-written: {description: as written}\n  facility:\n    conventions:\n      stages.supervised-fine-tuning.energy.boundary: facility\n      water: {offsite: grid-electricity}\n";
        Assert.Empty(CradleErrors(named));
        Assert.Empty(await ValidateAsync(named));

        var stated = Edit(MinimalStudy(), "cradle: 1\n", "cradle: 1\nwater_convention: {onsite: facility-energy, offsite: it-energy-times-pue}\n");
        Assert.Empty(CradleErrors(stated));
        Assert.Empty(await ValidateAsync(stated));

        var misspelt = Edit(named, "water_convention: li-2023", "water_convention: li2023");
        Assert.Contains("unknown-choice", CradleErrors(misspelt).Select(p => p.Code));
        Assert.NotEmpty(await ValidateAsync(misspelt));
    }

    [Fact]
    public async Task Background_links_are_valid_and_a_link_naming_no_provider_fails_the_schema_as_it_fails_the_reader()
    {
        var linked = Edit(MinimalStudy(), "      gwp100: 0.4 kg CO2e/kWh\n", "      from_background: lci\n      process: Electricity, at grid\n      amount: 1 kWh\n")
            + "background:\n  lci:\n    file: uslci.zip\n    name: USLCI\n    version: '2024'\n    monte_carlo: sampled\n    draws: 500\n";
        Assert.Empty(await ValidateAsync(linked));
        // Without a source (this test reads no file), the reader accepts the link and the linker says why it cannot resolve it.
        Assert.Equal(["background-unavailable"], CradleErrors(linked).Select(p => p.Code));

        var noProvider = Edit(linked, "      process: Electricity, at grid\n", "");
        Assert.NotEmpty(await ValidateAsync(noProvider));
        Assert.Contains("missing-field", CradleErrors(noProvider).Select(p => p.Code));

        var badDraws = Edit(linked, "    draws: 500\n", "    draws: 1\n");
        Assert.NotEmpty(await ValidateAsync(badDraws));
        Assert.Contains("out-of-range", CradleErrors(badDraws).Select(p => p.Code));
    }

    [Fact]
    public async Task A_background_database_is_a_file_or_a_name_in_the_store_exactly_one_in_the_schema_as_in_the_reader()
    {
        var linked = Edit(MinimalStudy(), "      gwp100: 0.4 kg CO2e/kWh\n", "      from_background: lci\n      process: Electricity, at grid\n      amount: 1 kWh\n")
            + "background:\n  lci:\n    store: USLCI\n    version: '2024'\n";
        Assert.Empty(await ValidateAsync(linked));
        // No source here either: the reader accepts the entry, and the linker says no store is open.
        Assert.Equal(["background-unavailable"], CradleErrors(linked).Select(p => p.Code));

        var both = Edit(linked, "    store: USLCI\n", "    store: USLCI\n    file: uslci.zip\n");
        Assert.NotEmpty(await ValidateAsync(both));
        Assert.Contains("background-file-and-store", CradleErrors(both).Select(p => p.Code));

        var neither = Edit(linked, "    store: USLCI\n", "");
        Assert.NotEmpty(await ValidateAsync(neither));
        Assert.Contains("missing-field", CradleErrors(neither).Select(p => p.Code));
    }

    private static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Cradle.slnx")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No Cradle.slnx above {AppContext.BaseDirectory}.");
    }

    /// <summary>The first YAML block under "## A minimal study" in docs/study-format.md.</summary>
    private static string MinimalStudy()
    {
        var reference = File.ReadAllText(Path.Combine(RepositoryRoot, "docs", "study-format.md")).ReplaceLineEndings("\n");
        var match = MinimalStudyBlock().Match(reference);
        Assert.True(match.Success, "docs/study-format.md has no ```yaml block under '## A minimal study'.");
        return match.Groups["yaml"].Value;
    }

    [GeneratedRegex(@"^## A minimal study\n.*?^```yaml\n(?<yaml>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex MinimalStudyBlock();

    private static string Edit(string text, string find, string replace)
    {
        Assert.Contains(find, text, StringComparison.Ordinal);
        return text.Replace(find, replace, StringComparison.Ordinal);
    }

    /// <summary>The errors Cradle reports for the study, reading and compiling it; none when it assesses.</summary>
    private static IReadOnlyList<InputProblem> CradleErrors(string text)
    {
        try
        {
            StudyAssessor.Assess(text, "study.yaml");
            return [];
        }
        catch (StudyException e)
        {
            return e.Problems;
        }
    }

    private static async Task<JsonSchema> LoadSchemaAsync()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot, "schemas", "study.schema.json"));
        // NJsonSchema resolves references between draft 2020-12 '$defs' entries only under their draft-07 name.
        text = text.Replace("\"$defs\":", "\"definitions\":", StringComparison.Ordinal)
            .Replace("#/$defs/", "#/definitions/", StringComparison.Ordinal);
        return await JsonSchema.FromJsonAsync(text);
    }

    private static async Task<ICollection<ValidationError>> ValidateAsync(string yaml)
    {
        var schema = await Schema.Value;
        var json = ToJson(yaml) ?? throw new InvalidOperationException("The study is empty.");
        return schema.Validate(json.ToJsonString());
    }

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(e => e is ChildSchemaValidationError child
            ? Flatten(child.Errors.SelectMany(c => c.Value)).Prepend(e)
            : [e]);

    /// <summary>
    /// The study as a JSON document, the way a YAML 1.2 tool sees it: plain scalars that look like numbers, booleans or
    /// null become those; everything else is a string (Cradle itself reads every scalar as text).
    /// </summary>
    private static JsonNode? ToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode);
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(c =>
            KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? "", Convert(c.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Convert)]),
        YamlScalarNode scalar => ConvertScalar(scalar),
        _ => throw new InvalidOperationException($"Unexpected YAML node {node.NodeType}."),
    };

    private static JsonValue? ConvertScalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }
        if (value is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }
        if (value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return JsonValue.Create(value.StartsWith('t') || value.StartsWith('T'));
        }
        if (YamlInteger().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }
        if (YamlFloat().IsMatch(value))
        {
            return JsonValue.Create(double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture));
        }
        return JsonValue.Create(value);
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex YamlInteger();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex YamlFloat();
}
