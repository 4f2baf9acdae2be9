using Cradle.Studies.Definition;
using Cradle.Syntax;

namespace Cradle.Studies.Reading;

/// <summary>Reads goal, functional unit and system boundary.</summary>
internal static class GoalReader
{
    private static readonly string[] Approaches = ["attributional", "consequential"];

    public static GoalDefinition ReadGoal(MappingReader study)
    {
        var node = study.Require("goal", "the intended application, audience and approach") ? study.Mapping("goal") : null;
        if (node is null)
        {
            return new GoalDefinition("", "", "attributional", null, null);
        }
        var goal = new MappingReader(node, "goal", study.File, study.Problems, ["application", "audience", "approach", "carbon_basis", "reasons", "commissioner"], "the goal");
        goal.Require("application", "what the study is for");
        goal.Require("audience", "who the results are for");
        var approach = goal.Choice("approach", Approaches) ?? "attributional";
        if (approach == "consequential")
        {
            RefuseConsequential(goal);
        }
        return new GoalDefinition(
            goal.Text("application") ?? "", goal.Text("audience") ?? "",
            approach, goal.Text("reasons"), goal.Text("commissioner"))
        {
            CarbonBasis = goal.Choice("carbon_basis", CarbonBasis.All) ?? CarbonBasis.LocationBased,
            CarbonBasisLocation = goal.Has("carbon_basis") ? goal.LocationOf("carbon_basis") : null,
        };
    }

    /// <summary>
    /// A consequential study needs marginal grid factors (the generation a change in demand brings on or displaces) and
    /// a model of what the change displaces; the catalog holds average (attributional) factors only. Computing the study
    /// anyway would print attributional numbers under a consequential label, so it stops here, at the goal's line.
    /// </summary>
    private static void RefuseConsequential(MappingReader goal) =>
        goal.Problems.Error("consequential-unsupported", goal.LocationOf("approach"), "goal.approach",
            "consequential modelling needs marginal grid factors (the emissions of the generation a change in demand brings on "
            + "or displaces), and Cradle has none: every grid factor in its catalog is an average, attributional one, and Cradle "
            + "does not model what a decision displaces. Write 'approach: attributional' to assess the system as it is "
            + "(the results are then attributional and labelled so); for a consequential question, take the attributional "
            + "results as the starting point of a consequential study made with marginal data outside Cradle (docs/study-format.md, 'goal').");

    public static FunctionalUnitDefinition? ReadFunctionalUnit(MappingReader study)
    {
        var node = study.Require("functional_unit", "the amount of service results refer to, e.g. 'amount: 1000 request'")
            ? study.Mapping("functional_unit") : null;
        if (node is null)
        {
            return null;
        }
        var unit = new MappingReader(node, "functional_unit", study.File, study.Problems, ["amount", "description", "latency", "quality"], "the functional unit");
        unit.Require("amount", "an amount of requests ('1000 request'), models ('1 model'), tokens ('1e6 token'), images ('1000 image') or GPU time ('1 GPU-h')");
        unit.Require("description", "the service delivered, in words");
        var amount = DatumReader.Read(unit, "amount", null);
        LatencyConstraint? latency = null;
        if (unit.Mapping("latency") is { } latencyNode)
        {
            var l = new MappingReader(latencyNode, "functional_unit.latency", study.File, study.Problems, ["percentile", "max"], "a latency constraint");
            l.Require("percentile", "the percentile, e.g. 95");
            l.Require("max", "the bound, e.g. '2 s'");
            var max = DatumReader.Read(l, "max", null);
            if (l.Number("percentile") is { } p && max is not null)
            {
                latency = new LatencyConstraint(p, max);
            }
        }
        QualityConstraint? quality = null;
        if (unit.Mapping("quality") is { } qualityNode)
        {
            var q = new MappingReader(qualityNode, "functional_unit.quality", study.File, study.Problems, ["benchmark", "metric", "min"], "a quality constraint");
            q.Require("benchmark", "the benchmark name");
            q.Require("min", "the minimum score");
            if (q.Text("benchmark") is { } benchmark && q.Number("min") is { } min)
            {
                quality = new QualityConstraint(benchmark, q.Text("metric"), min);
            }
        }
        return amount is null ? null : new FunctionalUnitDefinition(amount, unit.Text("description") ?? "", latency, quality);
    }

    public static SystemBoundaryDefinition ReadBoundary(MappingReader study)
    {
        var node = study.Require("system_boundary", "the stages included and those excluded with reasons")
            ? study.Mapping("system_boundary") : null;
        if (node is null)
        {
            return new SystemBoundaryDefinition([], [], study.Location);
        }
        var boundary = new MappingReader(node, "system_boundary", study.File, study.Problems, ["included", "excluded"], "the system boundary");
        var included = boundary.StringList("included");
        foreach (var (stage, location) in included.Where(s => !StageKinds.All.Contains(s.Value)))
        {
            study.Problems.Error("unknown-stage", location, "system_boundary.included",
                $"'{stage}' is not a stage kind{Core.NameSuggestions.Hint(stage, StageKinds.All)}; the kinds are: {string.Join(", ", StageKinds.All)}.");
        }
        var excluded = new List<(string, string, SourceLocation)>();
        foreach (var (stage, location, value) in boundary.Entries("excluded"))
        {
            if (!StageKinds.All.Contains(stage))
            {
                study.Problems.Error("unknown-stage", location, "system_boundary.excluded",
                    $"'{stage}' is not a stage kind{Core.NameSuggestions.Hint(stage, StageKinds.All)}.");
            }
            var reason = (value as YamlDotNet.RepresentationModel.YamlScalarNode)?.Value;
            if (string.IsNullOrWhiteSpace(reason))
            {
                study.Problems.Error("missing-reason", location, $"system_boundary.excluded.{stage}",
                    "say why this stage is left out (ISO 14044 asks for the reason of every cut-off).");
                continue;
            }
            excluded.Add((stage, reason, location));
        }
        return new SystemBoundaryDefinition(included, excluded, boundary.Location);
    }
}
