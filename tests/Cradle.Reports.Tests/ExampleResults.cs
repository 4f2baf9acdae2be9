using System.Globalization;
using Cradle.Catalog;
using Cradle.Results;
using Cradle.Results.Json;
using Cradle.Studies.Assessment;

namespace Cradle.Reports.Tests;

/// <summary>The bundled examples' results with Monte Carlo, as JSON and as a report model (computed once per test run).</summary>
internal static class ExampleResults
{
    private static readonly Lazy<string> LazyJson = new(() => Compute("olmo2-7b"));
    private static readonly Lazy<string> LazyReasoningJson = new(() => Compute("reasoning-vs-training"));

    public static string Root { get; } = FindRoot();

    public static string Json => LazyJson.Value;

    public static AssessmentResults Model => ResultsReader.Read(Json);

    /// <summary>The reasoning-vs-training example (three alternatives on one per-request functional unit).</summary>
    public static AssessmentResults ReasoningModel => ResultsReader.Read(LazyReasoningJson.Value);

    private static string Compute(string example)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            var name = $"examples/{example}/study.yaml";
            var file = Path.Combine(Root, "examples", example, "study.yaml");
            // A fixed file name and seed, so the results (and the snapshots made from them) do not depend on the machine.
            var text = File.ReadAllText(file);
            var assessment = StudyAssessor.Assess(text, name, [], null, new MonteCarloOptions(4000, 7, 2));
            // A provenance block as the CLI writes it, so that the edits of the results cover it too.
            var provenance = new ResultProvenance("cradle", "0.0.0-test", new FileHash(name, Sha256(text)),
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
