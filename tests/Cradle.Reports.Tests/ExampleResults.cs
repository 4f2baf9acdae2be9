using System.Globalization;
using Cradle.Cli.Rendering;
using Cradle.Reports.Model;
using Cradle.Studies.Assessment;

namespace Cradle.Reports.Tests;

/// <summary>The bundled example's results with Monte Carlo, as JSON and as a report model (computed once per test run).</summary>
internal static class ExampleResults
{
    private static readonly Lazy<string> LazyJson = new(Compute);

    public static string Root { get; } = FindRoot();

    public static string Json => LazyJson.Value;

    public static ReportModel Model => ReportReader.Read(Json);

    private static string Compute()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            var file = Path.Combine(Root, "examples", "olmo2-7b", "study.yaml");
            // A fixed file name and seed, so the results (and the snapshots made from them) do not depend on the machine.
            var assessment = StudyAssessor.Assess(File.ReadAllText(file), "examples/olmo2-7b/study.yaml", [], null, new MonteCarloOptions(4000, 7, 2));
            using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            JsonRenderer.Write(assessment, writer);
            return writer.ToString();
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

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
