using System.Globalization;
using Cradle.Studies.Definition;
using Cradle.Syntax;
using YamlDotNet.RepresentationModel;

namespace Cradle.Studies.Reading;

/// <summary>
/// Reads a study file (YAML, format version 1) into a <see cref="StudyDefinition"/>. Malformed YAML, unknown keys,
/// missing fields and values of the wrong kind are all reported at once in a <see cref="StudyException"/>,
/// each with file, line, column and field. Warnings are returned beside the definition.
/// </summary>
public static class StudyReader
{
    /// <summary>The format version this reader understands.</summary>
    public const int FormatVersion = 1;

    private static readonly string[] TopLevelKeys =
    [
        "cradle", "name", "description", "goal", "functional_unit", "system_boundary", "impact_categories", "parameters",
        "devices", "hardware", "grids", "sites", "stages", "inference", "alternatives", "interpretation", "catalog",
        "water_convention", "delivers", "background",
    ];

    /// <summary>Default lifetime grid for the amortisation table: 10⁶ … 10¹² inferences.</summary>
    private static readonly double[] DefaultLifetimeGrid = [1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12];

    /// <summary>
    /// Reads the study in <paramref name="text"/>, naming it <paramref name="file"/> in messages; values written
    /// <c>{from_run: ID}</c> are read from <paramref name="runs"/> (null: none given, and such a value is an error).
    /// </summary>
    public static (StudyDefinition Study, IReadOnlyList<InputProblem> Warnings) Read(string text, string file, Runs.IRunSource? runs = null)
    {
        var runReferences = new RunReferences(runs);
        var problems = new ProblemList();
        var root = Load(text, file, problems);
        problems.ThrowIfErrors();
        var study = new MappingReader(root!, "", file, problems, TopLevelKeys, "a study");
        CheckVersion(study);
        study.Require("name", "a short title for the study");
        var interpretation = ReadInterpretation(study);
        var links = new List<BackgroundLinkDefinition>();
        var definition = new StudyDefinition
        {
            File = file,
            Name = study.Text("name") ?? "",
            Description = study.Text("description"),
            Goal = GoalReader.ReadGoal(study),
            FunctionalUnit = GoalReader.ReadFunctionalUnit(study)!,
            Boundary = GoalReader.ReadBoundary(study),
            ImpactCategories = study.StringList("impact_categories"),
            Parameters = ParameterReader.ReadParameters(study, "parameters"),
            Devices = HardwareReader.ReadDevices(study, links),
            Hardware = HardwareReader.ReadHardware(study),
            Grids = SiteReader.ReadGrids(study, links),
            Sites = SiteReader.ReadSites(study),
            Stages = StageReader.ReadStages(study, runReferences, links),
            Inference = InferenceReader.Read(study, runReferences),
            Alternatives = ParameterReader.ReadAlternatives(study),
            Interpretation = interpretation,
            CatalogFiles = CatalogPathReader.Read(study),
            Water = ConventionReader.ReadWater(study),
            Delivers = DeliveryReader.Read(study),
            Background = BackgroundReader.ReadDatabases(study),
            BackgroundLinks = links,
        };
        DeliveryCheck.CheckAgainstFunctionalUnit(definition, problems);
        problems.ThrowIfErrors();
        return (definition, problems.All);
    }

    private static YamlMappingNode? Load(string text, string file, ProblemList problems)
    {
        // Malformed YAML, nesting too deep and a second document are reported by the loader.
        if (!YamlDocumentLoader.TryLoad(text, file, problems, out var node))
        {
            return null;
        }
        if (node is not YamlMappingNode root)
        {
            problems.Error("empty-study", new SourceLocation(file, 1, 1), "",
                "the study must be a YAML mapping with at least name, goal, functional_unit and system_boundary.");
            return null;
        }
        return root;
    }

    private static void CheckVersion(MappingReader study)
    {
        var version = study.Number("cradle");
        if (!study.Has("cradle"))
        {
            study.Problems.Error("missing-field", study.Location, "cradle",
                string.Create(CultureInfo.InvariantCulture, $"say which study format the file uses: 'cradle: {FormatVersion}'."));
        }
        else if (version is not null && version != FormatVersion)
        {
            study.Problems.Error("unsupported-version", study.LocationOf("cradle"), "cradle",
                string.Create(CultureInfo.InvariantCulture, $"this Cradle reads study format {FormatVersion}, not {version}."));
        }
    }

    private static InterpretationDefinition ReadInterpretation(MappingReader study)
    {
        if (study.Mapping("interpretation") is not { } node)
        {
            return new InterpretationDefinition(0.1, DefaultLifetimeGrid);
        }
        var i = new MappingReader(node, "interpretation", study.File, study.Problems, ["significance_threshold", "lifetime_grid"], "the interpretation settings");
        var threshold = i.Number("significance_threshold") ?? 0.1;
        if (threshold is <= 0 or >= 1)
        {
            study.Problems.Error("out-of-range", i.LocationOf("significance_threshold"), "interpretation.significance_threshold",
                "the threshold is a share of the total, between 0 and 1 (e.g. 0.1 for 10 %).");
        }
        var grid = new List<double>();
        foreach (var (text, location) in i.StringList("lifetime_grid"))
        {
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0 && double.IsFinite(n))
            {
                grid.Add(n);
            }
            else
            {
                study.Problems.Error("not-a-number", location, "interpretation.lifetime_grid", $"expected a positive, finite number of inferences, found '{Printable.Escape(text)}'.");
            }
        }
        return new InterpretationDefinition(threshold, grid.Count > 0 ? grid : DefaultLifetimeGrid);
    }
}
