using System.CommandLine;
using Cradle.Catalog;
using Cradle.Catalog.Production;
using Cradle.Cli.Input;
using Cradle.Cli.Trends;
using DatasetInfo = Cradle.Reports.Trends.DatasetInfo;
using TrendsHtmlReport = Cradle.Reports.Trends.TrendsHtmlReport;
using TrendsJson = Cradle.Reports.Trends.TrendsJson;
using TrendsReport = Cradle.Reports.Trends.TrendsReport;
using Cradle.Trends.Assessment;
using Cradle.Trends.Epoch;
using Cradle.Trends.Study;

namespace Cradle.Cli.Commands;

/// <summary><c>cradle trends DATASET</c>: the training impacts of many models at once, under scenarios, with their trends.</summary>
public static class TrendsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build(TextWriter output, TextWriter error)
    {
        var dataset = new Argument<FileInfo>("DATASET")
        {
            Description = "The Epoch AI notable-models CSV (notable_ai_models.csv, as downloaded from epoch.ai/data), read as it is.",
            CustomParser = result => FilePaths.One(result, "DATASET"),
        };
        var scenarios = new Option<string[]>("--scenario")
        {
            Description = "A scenario to assess, repeatable: " + ScenarioText.Forms + ". The baseline is always first. Default: baseline, " +
                "shift:se,no,is,fr, carbon-aware:0.3, hardware:0.5.",
            HelpName = "SCENARIO",
            AllowMultipleArgumentsPerToken = false,
        };
        var estimator = new Option<string>("--estimator")
        {
            Description = "The accelerator production estimator used for every card (docs/production.md): mlca (default, the die-area model of the " +
                "reconstructed method), mlca-gadata, ademe-parametric, ademe-calculator, ademe-table2, ademe-measured, catalog, modelled, best.",
            HelpName = "NAME",
            DefaultValueFactory = _ => TrendStudyOptions.DefaultEstimator,
        };
        var basis = new Option<string>("--energy-basis")
        {
            Description = "'epoch': Epoch's training power draw where given (server overhead and PUE already in it), else device power; " +
                "'device': always device power × count × hours × server overhead × PUE.",
            DefaultValueFactory = _ => "epoch",
        };
        basis.AcceptOnlyFromAmong("epoch", "device");
        var lifetime = NumberOptions.Positive("--lifetime", "Years an accelerator serves, over which its production is allocated by time share (default 6, MLCA).", "YEARS", "6");
        var utilisation = NumberOptions.Share("--utilisation", "Share of its service life an accelerator is busy, above 0 and below 1 (default 0.85, MLCA).", TrainingAssumptions.Default.Utilisation);
        var draws = NumberOptions.WholeNumber("--draws", "Monte Carlo draws per model and scenario.", "draws", 100, 1_000_000, 10_000, TrainingAssumptions.Default.Draws);
        var seed = NumberOptions.Seed("Seed of the Monte Carlo draws; the same seed gives the same bands.");
        seed.DefaultValueFactory = _ => TrainingAssumptions.Default.Seed;
        var model = new Option<string?>("--model") { Description = "Show one model's breakdown under every scenario (its name in the dataset).", HelpName = "NAME" };
        var writeStudy = new Option<FileInfo?>("--write-study")
        {
            Description = "With --model: write that model's training as a study file (YAML) to refine with 'cradle assess'.",
            HelpName = "FILE",
            CustomParser = result => FilePaths.One(result, "--write-study"),
        };
        var csv = new Option<FileInfo?>("--csv")
        {
            Description = "Also write one CSV row per model and scenario (bands, sources) to this file.",
            HelpName = "FILE",
            CustomParser = result => FilePaths.One(result, "--csv"),
        };
        var report = new Option<FileInfo?>("--report")
        {
            Description = "Also write a self-contained HTML report: log-scale charts of each indicator over time with the fitted line and band per " +
                "scenario, production vs use share, card production over release years, the method, every assumption and every skipped row.",
            HelpName = "FILE",
            CustomParser = result => FilePaths.One(result, "--report"),
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "'table' for people; 'json' (schema cradle.trends/1) for programs.",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json");
        var outputFile = OutputFile.Create("the table or JSON");
        var catalogFiles = CatalogFilesOption.Create();
        var command = new Command("trends",
            "Assess the training of every model in the Epoch AI notable-models dataset at once — energy, GWP, ADPe and primary energy, " +
            "use and production of the accelerators — under scenarios (location shifting, carbon-aware scheduling, efficient hardware), " +
            "and fit each indicator's growth per year and doubling time. Rows that cannot be assessed are counted and listed with the " +
            "reason. A reconstruction of Morand, Ligozat and Névéol's method; see docs/trends.md. " + ExitCodes.Help)
        {
            dataset, scenarios, estimator, basis, lifetime, utilisation, draws, seed, model, writeStudy, csv, report, format, outputFile, catalogFiles,
        };
        command.SetAction((parse, _) => RunAsync(new TrendsRequest(
            parse.GetValue(dataset)!, parse.GetValue(scenarios) ?? [], parse.GetValue(estimator)!, parse.GetValue(basis) == "device",
            parse.GetValue(lifetime), parse.GetValue(utilisation), parse.GetValue(draws), parse.GetValue(seed), parse.GetValue(model),
            parse.GetValue(writeStudy), parse.GetValue(csv), parse.GetValue(report), parse.GetValue(format) == "json", parse.GetValue(outputFile),
            parse.GetValue(catalogFiles)!),
            output, error));
        return command;
    }

    private static async Task<int> RunAsync(TrendsRequest request, TextWriter output, TextWriter error)
    {
        IReadOnlyList<FileInfo> inputs = [request.Dataset, .. request.CatalogFiles];
        foreach (var (file, option) in new[] { (request.Output, "--output"), (request.Csv, "--csv"), (request.WriteStudy, "--write-study"), (request.Report, "--report") })
        {
            if (OutputFile.Clash(file, option, inputs) is { } clash)
            {
                await error.WriteLineAsync(clash).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }
        }

        if (request.WriteStudy is not null && request.Model is null)
        {
            await error.WriteLineAsync("cradle: --write-study needs --model NAME: it writes that model's training as a study.").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        var scenarios = new List<Scenario> { Scenario.Baseline };
        foreach (var scenarioText in request.Scenarios.Length == 0 ? ScenarioText.Defaults : request.Scenarios)
        {
            if (ScenarioText.Parse(scenarioText, out var problem) is not { } scenario)
            {
                await error.WriteLineAsync("cradle: " + problem).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            if (scenarios.All(s => s.Id != scenario.Id))
            {
                scenarios.Add(scenario);
            }
        }

        var (loaded, catalogExit) = await CatalogFilesOption.LoadAsync(request.CatalogFiles, error).ConfigureAwait(false);
        if (loaded is not { } catalog)
        {
            return catalogExit;
        }

        string text;
        try
        {
            text = InputFile.Read(request.Dataset.FullName, InputKind.Dataset);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"cradle: cannot read the dataset '{request.Dataset}': {e.Message}").ConfigureAwait(false);
            return Failures.ExitCodeOf(e);
        }

        var assumptions = TrainingAssumptions.Default with
        {
            LifetimeYears = request.LifetimeYears ?? TrainingAssumptions.Default.LifetimeYears,
            Utilisation = request.Utilisation,
            Basis = request.DeviceBasis ? EnergyBasisPreference.DevicePower : EnergyBasisPreference.PreferEpochPowerDraw,
            Draws = request.Draws,
            Seed = request.Seed,
        };
        TrendStudyResult study;
        try
        {
            using var reader = new StringReader(text);
            study = TrendStudy.Run(request.Dataset.Name, reader, catalog, new TrendStudyOptions(scenarios, assumptions, request.Estimator));
        }
        catch (EpochFormatException e)
        {
            await error.WriteLineAsync($"cradle: {request.Dataset}: {Syntax.Printable.Elide(Syntax.Printable.Escape(e.Message))}").ConfigureAwait(false);
            return Failures.ExitCodeOf(e);
        }
        catch (ArgumentException e)
        {
            // An unknown estimator or scenario grid: the message names the valid ones. The parameter name .NET appends is
            // the library's, not the user's option, so it is left out.
            var message = e.ParamName is { } parameter ? e.Message.Replace($" (Parameter '{parameter}')", "", StringComparison.Ordinal) : e.Message;
            await error.WriteLineAsync("cradle: " + message).ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        return request.Model is { } name
            ? await WriteModelAsync(study, catalog, name, request, output, error).ConfigureAwait(false)
            : await WriteStudyAsync(study, DatasetInfo.SnapshotOf(request.Dataset.Name, text), request, output, error).ConfigureAwait(false);
    }

    private static async Task<int> WriteStudyAsync(
        TrendStudyResult study, string snapshot, TrendsRequest request, TextWriter output, TextWriter error)
    {
        if (request.Report is { } reportFile)
        {
            var model = TrendsReport.Create(DatasetInfo.EpochNotableModels(snapshot), study.Selection, study.Scenarios,
                study.CardRows, study.Estimator);
            var html = TrendsHtmlReport.Render(model);
            var written = await OutputFile.WriteAsync(reportFile, w => w.Write(html), output, error).ConfigureAwait(false);
            if (written != ExitCodes.Success)
            {
                return written;
            }
        }

        if (request.Csv is { } csvFile)
        {
            var written = await OutputFile.WriteAsync(csvFile, w => TrendsCsv.Write(study, w), output, error).ConfigureAwait(false);
            if (written != ExitCodes.Success)
            {
                return written;
            }
        }

        return await OutputFile.WriteAsync(request.Output,
            w => (request.Json ? (Action<TrendStudyResult, TextWriter>)TrendsJson.Write : TrendsText.Write)(study, w), output, error).ConfigureAwait(false);
    }

    private static async Task<int> WriteModelAsync(
        TrendStudyResult study, ReferenceCatalog catalog, string name, TrendsRequest request, TextWriter output, TextWriter error)
    {
        if (ModelBreakdown.Find(study, name) is not { } results || ModelBreakdown.Assessable(study, name) is not { } assessable)
        {
            await error.WriteLineAsync("cradle: " + ModelBreakdown.NotAssessed(study, name)).ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        if (request.WriteStudy is { } studyFile)
        {
            var production = new AcceleratorProduction(catalog).Estimate(assessable.Device.Id, study.Estimator);
            var yaml = TrendRowStudy.Write(study, assessable, results[0].Model, production);
            var written = await OutputFile.WriteAsync(studyFile, w => w.Write(yaml), output, error).ConfigureAwait(false);
            if (written != ExitCodes.Success)
            {
                return written;
            }
        }

        return await OutputFile.WriteAsync(request.Output, w =>
        {
            if (request.Json)
            {
                TrendsJson.WriteModel(results, w);
            }
            else
            {
                ModelBreakdown.Write(results, study, w);
            }
        }, output, error).ConfigureAwait(false);
    }

    private sealed record TrendsRequest(
        FileInfo Dataset, string[] Scenarios, string Estimator, bool DeviceBasis, double? LifetimeYears, double Utilisation, int Draws, ulong Seed,
        string? Model, FileInfo? WriteStudy, FileInfo? Csv, FileInfo? Report, bool Json, FileInfo? Output, FileInfo[] CatalogFiles);
}
