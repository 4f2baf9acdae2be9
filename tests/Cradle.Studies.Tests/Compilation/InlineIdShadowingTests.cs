using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Compilation;

/// <summary>
/// A study's own device, grid or site may carry an id that the shipped catalog also knows ('h100', 'fr',
/// 'a100-80gb'). The inline definition is the one used, so the catalog entry must not leak into the default impact
/// categories: it used to add columns the study has no data for, printed as zeros.
/// </summary>
public sealed class InlineIdShadowingTests
{
    // TinyStudy with its impact categories left to the default and only gwp100 figures inline.
    private static string GwpOnly(string deviceId, string gridId, string siteId)
    {
        var text = TinyStudy.With("impact_categories: [gwp100, water]\n", "");
        text = TinyStudy.With("      water: 50 L\n", "", text);
        text = TinyStudy.With("      water: 2 L/kWh\n", "", text);
        text = TinyStudy.With("    wue: 0.25 L/kWh\n", "    wue: 0 L/kWh\n", text);
        text = TinyStudy.With("  gpu:\n", $"  {deviceId}:\n", text);
        text = TinyStudy.With("device: gpu", $"device: {deviceId}", text);
        text = TinyStudy.With("  g:\n", $"  {gridId}:\n", text);
        text = TinyStudy.With("grid: g", $"grid: {gridId}", text);
        text = TinyStudy.With("  s:\n", $"  {siteId}:\n", text);
        return text.Replace("site: s\n", $"site: {siteId}\n", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gpu", "g", "s")]
    [InlineData("h100", "fr", "s")]
    [InlineData("a100-80gb", "fr", "s")]
    [InlineData("gpu", "g", "aws-us-east-1")]
    public void Inline_ids_equal_to_catalog_aliases_keep_the_default_categories_to_the_studys_own_figures(string device, string grid, string site)
    {
        // The study gives gwp100 figures only (device, grid), so gwp100 is the only default category, whatever the ids.
        var assessment = TinyStudy.Assess(GwpOnly(device, grid, site));

        var categories = assessment.Alternatives[0].Categories.Select(c => c.Id);
        Assert.Equal(["gwp100"], categories);
    }
}
