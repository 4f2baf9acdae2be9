namespace Cradle.Catalog.Tests;

/// <summary>Small user catalog files, built to be valid, then broken one field at a time by the tests.</summary>
internal static class UserFiles
{
    public const string Bibliography = """
        catalog: 1
        kind: bibliography
        entries:
          - key: our-meter-2026
            authors: Example Lab
            title: PDU readings of our cluster
            year: 2026
            licence: CC BY 4.0
        """;

    public const string Datacentre = """
        catalog: 1
        kind: datacentre
        entries:
          - id: our-lab
            name: Our lab's machine room
            aliases: [Lab DC]
            figures:
              pue:
                value: 1.6
                source: our-meter-2026
                year: 2026
                uncertainty: {distribution: normal, relative_sd: 0.05}
              wue:
                value: 0.3 L/kWh
                source: our-meter-2026
                year: 2026
                uncertainty: {distribution: uniform, min_factor: 0.5, max_factor: 1.5}
        """;

    public const string Grid = """
        catalog: 1
        kind: grid
        defaults:
          uncertainty:
            gwp100: {distribution: lognormal, gsd: 1.15}
        entries:
          - id: our-ppa
            name: Our power purchase agreement
            figures:
              gwp100:
                uncertainty: {distribution: estimates}
                estimates:
                  - {value: 40 g CO2e/kWh, source: our-meter-2026, year: 2026, basis: life-cycle}
                  - {value: 12 g CO2e/kWh, source: our-meter-2026, year: 2026, basis: direct}
        """;

    public static ReferenceCatalog Load(params string[] texts) =>
        CatalogLoader.Load(texts.Select((t, i) => ($"user{i}.yaml", t)).ToList());

    public static IReadOnlyList<Cradle.Syntax.InputProblem> Errors(params string[] texts) =>
        Assert.Throws<CatalogException>(() => Load(texts)).Problems;

    public static (int Line, int Column) Find(string text, string needle)
    {
        var index = text.IndexOf(needle, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{needle}' not found");
        var before = text[..index];
        return (before.Count(c => c == '\n') + 1, index - (before.LastIndexOf('\n') + 1) + 1);
    }
}
