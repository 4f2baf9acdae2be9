using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Cradle.Acceptance.Tests;

/// <summary>The dependency arrows of DESIGN.md: they point down only, and the core stays pure.</summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Core = typeof(Cradle.Core.Engine.LcaCalculator).Assembly;
    private static readonly Assembly Studies = typeof(Cradle.Studies.Reading.StudyReader).Assembly;
    private static readonly Assembly Cli = typeof(Cradle.Cli.CradleApp).Assembly;
    private static readonly Assembly Results = typeof(Cradle.Results.AssessmentResults).Assembly;
    private static readonly Assembly Reports = typeof(Cradle.Reports.Rendering.ReportFormats).Assembly;
    private static readonly Assembly Store = typeof(Cradle.Store.IRunStore).Assembly;
    private static readonly Assembly Trends = typeof(Cradle.Trends.Trends.LogLinearFit).Assembly;
    private static readonly Assembly Server = typeof(Cradle.Server.Hosting.CradleServer).Assembly;
    private static readonly Assembly Runs = typeof(Cradle.Runs.RunJson).Assembly;
    private static readonly Assembly Interchange = typeof(Cradle.Interchange.Reading.OpenLcaPackageReader).Assembly;

    private static IEnumerable<string> References(Assembly assembly) => assembly.GetReferencedAssemblies().Select(a => a.Name!);

    [Fact]
    public void Core_references_only_the_runtime_and_numerics()
    {
        var foreign = References(Core).Where(r => !r.StartsWith("System", StringComparison.Ordinal) && r != "MathNet.Numerics" && r != "netstandard").ToList();
        Assert.Empty(foreign);
    }

    [Fact]
    public void Core_touches_no_files_console_network_or_clock()
    {
        using var stream = File.OpenRead(Core.Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var forbidden = new[] { "System.IO.File", "System.IO.Directory", "System.IO.FileStream", "System.IO.StreamReader", "System.IO.StreamWriter", "System.Console", "System.Net.", "System.Diagnostics.Process" };
        var used = metadata.TypeReferences
            .Select(h => metadata.GetTypeReference(h))
            .Select(t => $"{metadata.GetString(t.Namespace)}.{metadata.GetString(t.Name)}")
            .Where(name => forbidden.Any(f => name.StartsWith(f, StringComparison.Ordinal)))
            .ToList();
        Assert.Empty(used);
        var clock = metadata.MemberReferences
            .Select(h => metadata.GetMemberReference(h))
            .Where(m => metadata.GetString(m.Name) is "get_Now" or "get_UtcNow")
            .ToList();
        Assert.Empty(clock);
    }

    [Fact]
    public void Studies_depends_on_the_layers_below_it_and_the_yaml_parser_only()
    {
        var cradle = References(Studies).Where(r => r.StartsWith("Cradle", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Subset(new HashSet<string> { "Cradle.Core", "Cradle.Syntax", "Cradle.Catalog", "Cradle.Results" }, cradle.ToHashSet());
        Assert.Contains("Cradle.Results", cradle);
        Assert.Contains("YamlDotNet", References(Studies));
        Assert.DoesNotContain("System.CommandLine", References(Studies));
    }

    [Fact]
    public void Syntax_depends_on_core_and_the_yaml_parser_only()
    {
        var syntax = typeof(Cradle.Syntax.ProblemList).Assembly;
        Assert.Equal(["Cradle.Core"], References(syntax).Where(r => r.StartsWith("Cradle", StringComparison.Ordinal)));
        Assert.Contains("YamlDotNet", References(syntax));
    }

    [Fact]
    public void Catalog_depends_on_core_and_syntax_only()
    {
        var catalog = typeof(Cradle.Catalog.CatalogLoader).Assembly;
        Assert.Equal(["Cradle.Core", "Cradle.Syntax"], References(catalog).Where(r => r.StartsWith("Cradle", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Results_reference_no_other_cradle_project()
    {
        // The results home sits below everything that produces or reads results: it may share a type with the core at
        // most, and today needs nothing of ours at all.
        var cradle = References(Results).Where(r => r.StartsWith("Cradle", StringComparison.Ordinal)).ToHashSet();
        Assert.Subset(new HashSet<string> { "Cradle.Core" }, cradle);
    }

    [Fact]
    public void Reports_read_results_and_the_trend_study_only()
    {
        // The assessment reports read Cradle.Results (in memory or from the results JSON) and need no other layer; the
        // trends report (Reports/Trends) renders the trend study's records, which come from Cradle.Trends and the
        // catalog's production rows.
        var cradle = References(Reports).Where(r => r.StartsWith("Cradle", StringComparison.Ordinal)).ToHashSet();
        Assert.Contains("Cradle.Results", cradle);
        Assert.Subset(new HashSet<string>(["Cradle.Results", "Cradle.Trends", "Cradle.Catalog", "Cradle.Core"]), cradle);
        Assert.Contains("ScottPlot", References(Reports));
    }

    [Fact]
    public void Nothing_references_the_cli()
    {
        foreach (var assembly in new[] { Core, Studies, Results, Reports, Store, Trends, Server, Runs, Interchange })
        {
            Assert.DoesNotContain("Cradle.Cli", References(assembly));
        }
        Assert.DoesNotContain("System.CommandLine", References(Core));
        Assert.Contains("Cradle.Studies", References(Cli));
        Assert.Contains("Cradle.Results", References(Cli));
    }

    [Fact]
    public void The_server_is_a_second_composition_root_over_the_same_services()
    {
        // DESIGN.md: the CLI and the server are thin; both call the services below them. The server reaches runs through
        // Cradle.Runs (the documents the CLI prints) and studies through Cradle.Studies, never through the CLI.
        var cradle = References(Server).Where(r => r.StartsWith("Cradle", StringComparison.Ordinal)).ToHashSet();
        Assert.Contains("Cradle.Runs", cradle);
        Assert.Contains("Cradle.Studies", cradle);
        Assert.DoesNotContain("Cradle.Cli", cradle);
        Assert.DoesNotContain("System.CommandLine", References(Server));
        Assert.Contains("Cradle.Server", References(Cli));
        // The run services sit below both front ends and need no web framework.
        var runs = References(Runs).ToHashSet();
        Assert.DoesNotContain("Cradle.Server", runs);
        Assert.DoesNotContain(runs, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }
}
