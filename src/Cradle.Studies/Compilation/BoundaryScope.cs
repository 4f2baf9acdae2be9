using Cradle.Studies.Definition;
using Cradle.Syntax;

namespace Cradle.Studies.Compilation;

/// <summary>
/// Which stage kinds are inside the system boundary. Every kind the study has data for must be either included or
/// excluded with a reason, so that nothing is left out silently.
/// </summary>
internal sealed class BoundaryScope
{
    private readonly HashSet<string> _included;

    private BoundaryScope(HashSet<string> included) => _included = included;

    public bool Includes(string kind) => _included.Contains(kind);

    public IReadOnlyCollection<string> Included => _included;

    public static BoundaryScope Check(StudyDefinition study, ProblemList problems, CatalogDefinitions definitions)
    {
        var withData = new List<(string Kind, SourceLocation Location)>();
        withData.AddRange(study.Stages.Select(s => (s.Kind, s.Location)));
        if (study.Inference is not null)
        {
            withData.Add((StageKinds.Inference, study.Inference.Location));
        }
        withData.AddRange(study.Devices.Where(d => d.Embodied.Count > 0).Select(d => (StageKinds.HardwareManufacture, d.Location)));
        withData.AddRange(study.Hardware.Where(h => h.NodeEmbodied.Count > 0).Select(h => (StageKinds.HardwareManufacture, h.Location)));
        withData.AddRange(study.Devices.Where(d => d.EndOfLife.Count > 0).Select(d => (StageKinds.EndOfLife, d.Location)));
        // Devices taken from the catalog bring their embodied (catalog or modelled) and end-of-life figures too.
        var catalog = definitions.Catalog;
        foreach (var hardware in study.Hardware.Where(h => study.Devices.All(d => d.Id != h.DeviceId)))
        {
            if (catalog.Find(hardware.DeviceId, Catalog.Model.CatalogKinds.Devices) is { } device)
            {
                if (definitions.EmbodiedIndicators(device).Any())
                {
                    withData.Add((StageKinds.HardwareManufacture, hardware.DeviceLocation));
                }
                if (device.Figures.Keys.Any(f => f.StartsWith("end_of_life.", StringComparison.Ordinal)))
                {
                    withData.Add((StageKinds.EndOfLife, hardware.DeviceLocation));
                }
            }
        }

        var boundary = study.Boundary;
        var excluded = boundary.Excluded.Select(e => e.Stage).ToHashSet(StringComparer.Ordinal);
        var included = boundary.Included.Select(i => i.Stage).ToHashSet(StringComparer.Ordinal);
        foreach (var stage in included.Intersect(excluded))
        {
            problems.Error("boundary-conflict", boundary.Location, "system_boundary", $"'{stage}' is both included and excluded.");
        }
        foreach (var (kind, location) in withData.DistinctBy(d => d.Kind))
        {
            if (!included.Contains(kind) && !excluded.Contains(kind))
            {
                problems.Error("boundary-incomplete", boundary.Location, "system_boundary.included",
                    $"the study has data for '{kind}' (at line {location.Line}) but the boundary neither includes nor excludes it; list it under 'included', or under 'excluded' with a reason.");
            }
        }
        foreach (var stage in study.Stages.Where(s => excluded.Contains(s.Kind)))
        {
            problems.Error("stage-excluded", stage.Location, $"stages.{stage.Id}",
                $"this stage is of kind '{stage.Kind}', which the system boundary excludes; remove the stage or include the kind.");
        }
        if (study.Inference is not null && excluded.Contains(StageKinds.Inference))
        {
            problems.Error("stage-excluded", study.Inference.Location, "inference",
                "the study describes serving, but the system boundary excludes 'inference'; remove the 'inference' section or include the stage.");
        }
        if (included.Contains(StageKinds.EndOfLife) && !included.Contains(StageKinds.HardwareManufacture))
        {
            problems.Error("boundary-conflict", boundary.Location, "system_boundary.included",
                "'end-of-life' is counted per device made, through 'hardware-manufacture'; include that stage too, or exclude end-of-life.");
        }
        var kindsWithData = withData.Select(d => d.Kind).ToHashSet(StringComparer.Ordinal);
        foreach (var (stage, location) in boundary.Included.Where(i => !kindsWithData.Contains(i.Stage)))
        {
            problems.Error("boundary-without-data", location, "system_boundary.included",
                $"'{stage}' is included but the study gives no data for it; add the data, or move it to 'excluded' with a reason.");
        }
        return new BoundaryScope(included);
    }
}
