namespace Cradle.Trends.Tests;

public sealed class TrendsArchitectureTests
{
    [Fact]
    public void Trends_depends_on_core_and_catalog_only()
    {
        var references = typeof(Cradle.Trends.Trends.LogLinearFit).Assembly.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(r => r.StartsWith("Cradle", StringComparison.Ordinal)).ToHashSet();
        Assert.Subset(new HashSet<string> { "Cradle.Core", "Cradle.Catalog", "Cradle.Syntax" }, references);
    }
}
