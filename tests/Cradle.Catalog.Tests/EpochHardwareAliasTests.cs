using Cradle.Catalog.Model;
using Xunit.Abstractions;

namespace Cradle.Catalog.Tests;

/// <summary>
/// The hardware names of Epoch AI's "Notable AI Models" (CC BY 4.0; a copy in tests/data, credited in NOTICE) resolve to
/// catalog devices: at least 90 % of the rows that name hardware, every device of the row resolved. The names that do
/// not resolve must be listed in docs/data-sources.md.
/// </summary>
public sealed class EpochHardwareAliasTests(ITestOutputHelper output)
{
    private static readonly string Repository = FindRepository();

    private static string FindRepository()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Cradle.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("no Cradle.slnx above the test folder");
    }

    private static string Dataset => Path.Combine(Repository, "tests", "data", "epoch-notable-ai-models", "notable_ai_models.csv");

    /// <summary>Each row's hardware names (a cell may list several, separated by commas).</summary>
    private static List<IReadOnlyList<string>> HardwareRows()
    {
        Assert.True(File.Exists(Dataset), $"The Epoch dataset is part of the repository's test data: {Dataset} is missing.");
        var rows = CsvRows.Read(File.ReadAllText(Dataset)).ToList();
        var column = rows[0].ToList().IndexOf("Training hardware");
        Assert.True(column >= 0, "no 'Training hardware' column");
        return rows.Skip(1)
            .Where(r => r.Count > column && !string.IsNullOrWhiteSpace(r[column]))
            .Select(r => (IReadOnlyList<string>)r[column].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
    }

    private static bool Resolves(string name) => CatalogLoader.Shipped.Find(name, CatalogKinds.Devices) is not null;

    [Fact]
    public void At_least_ninety_percent_of_rows_naming_hardware_resolve()
    {
        var rows = HardwareRows();
        var resolved = rows.Count(r => r.All(Resolves));
        var names = rows.SelectMany(r => r).Distinct(StringComparer.Ordinal).ToList();
        var resolvedNames = names.Count(Resolves);
        output.WriteLine($"rows naming hardware: {rows.Count}; fully resolved: {resolved} ({100.0 * resolved / rows.Count:0.0} %)");
        output.WriteLine($"distinct names: {names.Count}; resolved: {resolvedNames}");
        foreach (var name in names.Where(n => !Resolves(n)))
        {
            output.WriteLine($"unresolved: {name}");
        }
        Assert.True(resolved >= 0.9 * rows.Count, $"{resolved} of {rows.Count} rows resolve");
    }

    [Fact]
    public void Every_unresolved_name_is_listed_in_the_docs()
    {
        var docs = File.ReadAllText(Path.Combine(Repository, "docs", "data-sources.md"));
        var unresolved = HardwareRows().SelectMany(r => r).Distinct(StringComparer.Ordinal).Where(n => !Resolves(n)).ToList();
        Assert.All(unresolved, name => Assert.Contains(name, docs, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("NVIDIA A100 SXM4 80 GB")]
    [InlineData("Google TPU v4")]
    [InlineData("NVIDIA H100 SXM5 80GB")]
    [InlineData("NVIDIA V100")]
    public void Names_as_people_write_them_resolve_to_a_device(string name) =>
        Assert.NotNull(CatalogLoader.Shipped.Find(name, CatalogKinds.Devices));
}
