using System.Globalization;
using Cradle.Catalog;
using Cradle.Results;
using Cradle.Results.Json;
using Cradle.Studies.Assessment;

namespace Cradle.Reports.Tests;

/// <summary>The bundled example's results with Monte Carlo, as JSON and as a report model (computed once per test run).</summary>
internal static class ExampleResults
{
    private static readonly Lazy<string> LazyJson = new(Compute);

    public static string Root { get; } = FindRoot();

    public static string Json => LazyJson.Value;

    public static AssessmentResults Model => ResultsReader.Read(Json);

    private static string Compute()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            var file = Path.Combine(Root, "examples", "olmo2-7b", "study.yaml");
            // A fixed file name and seed, so the results (and the snapshots made from them) do not depend on the machine.
            var text = File.ReadAllText(file);
            var assessment = StudyAssessor.Assess(text, "examples/olmo2-7b/study.yaml", [], null, new MonteCarloOptions(4000, 7, 2));
            // A provenance block as the CLI writes it, so that the edits of the results cover it too.
            var provenance = new ResultProvenance("cradle", "0.0.0-test", new FileHash("examples/olmo2-7b/study.yaml", Sha256(text)),
                CatalogLoader.Shipped.Version, CatalogLoader.ShippedSha256, []);
            using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            ResultsWriter.Write(ResultsBuilder.From(assessment, provenance), writer);
            return writer.ToString();
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    private static string Sha256(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Cradle.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("no Cradle.slnx above the test folder");
    }
}
