using System.Xml.Linq;

namespace Cradle.Acceptance.Tests;

/// <summary>
/// The adapters of DESIGN.md (measurement, the run store) sit at the edge: they reference no other adapter and no
/// layer above them, and the store keeps SQLite to itself. Read from the project files, so that the CLI need not
/// reference them before it uses them.
/// </summary>
public sealed class AdapterArchitectureTests
{
    private static List<string> ProjectReferences(string project) =>
        XDocument.Load(Path.Combine(Repository.Root, "src", project, project + ".csproj"))
            .Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value))
            .ToList();

    private static List<string> PackageReferences(string project) =>
        XDocument.Load(Path.Combine(Repository.Root, "src", project, project + ".csproj"))
            .Descendants("PackageReference")
            .Select(r => r.Attribute("Include")!.Value)
            .ToList();

    [Theory]
    // Measurement may read the reference catalog (a lower layer) for the modelled CPU fallback's power figures.
    [InlineData("Cradle.Measure", new[] { "Cradle.Core", "Cradle.Syntax", "Cradle.Catalog" })]
    [InlineData("Cradle.Store", new[] { "Cradle.Core", "Cradle.Syntax" })]
    [InlineData("Cradle.Store.Postgres", new[] { "Cradle.Store", "Cradle.Core", "Cradle.Syntax" })]
    public void An_adapter_references_only_the_lower_layers(string adapter, string[] allowed) =>
        Assert.All(ProjectReferences(adapter), reference => Assert.Contains(reference, allowed));

    [Fact]
    public void Only_the_store_uses_sqlite()
    {
        Assert.Contains("Microsoft.Data.Sqlite", PackageReferences("Cradle.Store"));
        foreach (var project in new[] { "Cradle.Core", "Cradle.Studies", "Cradle.Measure", "Cradle.Catalog", "Cradle.Reports", "Cradle.Syntax" })
        {
            Assert.DoesNotContain("Microsoft.Data.Sqlite", PackageReferences(project));
        }
    }

    [Fact]
    public void Only_the_postgres_store_uses_npgsql()
    {
        Assert.Contains("Npgsql", PackageReferences("Cradle.Store.Postgres"));
        foreach (var project in new[] { "Cradle.Core", "Cradle.Studies", "Cradle.Measure", "Cradle.Catalog", "Cradle.Reports", "Cradle.Syntax", "Cradle.Store", "Cradle.Cli" })
        {
            Assert.DoesNotContain("Npgsql", PackageReferences(project));
        }
    }

    [Fact]
    public void Studies_read_runs_through_their_own_interface_not_the_store()
    {
        // The study layer defines IRunSource; only the CLI adapts the store to it.
        Assert.DoesNotContain("Cradle.Store", ProjectReferences("Cradle.Studies"));
        Assert.Contains("Cradle.Store", ProjectReferences("Cradle.Cli"));
    }
}
