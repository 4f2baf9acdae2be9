using System.Globalization;
using Cradle.Catalog;
using Cradle.Results;
using Cradle.Reports.Rendering;

namespace Cradle.Reports.Tests;

/// <summary>
/// The reports show where the results came from (tool version, study and catalog hashes), so a reader can trace and
/// re-run them; results without a provenance block (version 1, or built by a program) show none rather than a blank.
/// </summary>
public sealed class ProvenanceReportTests
{
    private static string Render(AssessmentResults model, string format)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        ReportFormats.Write(model, format, writer);
        return writer.ToString();
    }

    [Fact]
    public void Html_markdown_and_model_card_name_the_version_and_the_hashes()
    {
        var model = ExampleResults.Model;
        var study = model.Provenance!.Study.Sha256;
        Assert.Matches("^[0-9a-f]{64}$", study);
        var html = Render(model, "html");
        Assert.Contains("<h3>Provenance</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<li>Tool: cradle 0.0.0-test</li>", html, StringComparison.Ordinal);
        Assert.Contains($"<li>Study: examples/olmo2-7b/study.yaml, SHA-256 {study}</li>", html, StringComparison.Ordinal);
        Assert.Contains($"<li>Bundled catalog: {CatalogLoader.Shipped.Version}, SHA-256 {CatalogLoader.ShippedSha256}</li>", html, StringComparison.Ordinal);
        var markdown = Render(model, "md");
        Assert.Contains($"- **Bundled catalog:** {CatalogLoader.Shipped.Version}, SHA-256 {CatalogLoader.ShippedSha256}", markdown, StringComparison.Ordinal);
        var card = Render(model, "model-card");
        Assert.Contains($"- **Provenance:** tool cradle 0.0.0-test; study examples/olmo2-7b/study.yaml, SHA-256 {study}; bundled catalog", card, StringComparison.Ordinal);
    }

    [Fact]
    public void Results_with_a_user_catalog_file_list_it_with_its_hash()
    {
        var hash = new string('a', 64);
        var model = ExampleResults.Model with { Provenance = ExampleResults.Model.Provenance! with { CatalogFiles = [new FileHash("my-grids.yaml", hash)] } };
        Assert.Contains($"<li>Catalog file: my-grids.yaml, SHA-256 {hash}</li>", Render(model, "html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Results_without_provenance_have_no_provenance_section()
    {
        var model = ExampleResults.Model with { Provenance = null };
        Assert.DoesNotContain("<h3>Provenance</h3>", Render(model, "html"), StringComparison.Ordinal);
        Assert.DoesNotContain("### Provenance", Render(model, "md"), StringComparison.Ordinal);
        Assert.DoesNotContain("**Provenance:**", Render(model, "model-card"), StringComparison.Ordinal);
    }
}
