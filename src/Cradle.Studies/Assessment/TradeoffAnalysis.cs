using Cradle.Core.Engine;
using Cradle.Core.Uncertainty;
using Cradle.Core.Units;
using Cradle.Results;
using Cradle.Studies.Compilation;
using Cradle.Syntax;

namespace Cradle.Studies.Assessment;

/// <summary>
/// "Think longer or train more" on one per-request functional unit. Over a life of N requests an alternative costs
/// C(N) = D + N·i (D experimentation + training per trained model, i inference per request). A's and B's costs cross at
/// N* = ΔD ÷ Δi with ΔD = D_A − D_B and Δi = i_B − i_A: when A has more development and is cheaper to serve it repays
/// its extra development after N* requests; when it has less development and is dearer to serve (reasoning on), beyond
/// N* it costs more than B. A fixed budget serves (budget − D) ÷ i requests (none when D alone spends it).
/// </summary>
public static class TradeoffAnalysis
{
    /// <summary>
    /// Compares <paramref name="a"/> and <paramref name="b"/> (alternatives of one study); <paramref name="budget"/> (e.g.
    /// "1000 kg CO2e", "50 MWh") or null; <paramref name="monteCarlo"/> null gives deterministic results only.
    /// </summary>
    public static TradeoffResults Run(
        (string Label, CompiledStudy Compiled) a, (string Label, CompiledStudy Compiled) b, string? budget, MonteCarloOptions? monteCarlo)
    {
        ArgumentNullException.ThrowIfNull(a.Compiled);
        ArgumentNullException.ThrowIfNull(b.Compiled);
        BreakEvenAnalysis.RequirePerRequest(a.Compiled);
        BreakEvenAnalysis.RequirePerRequest(b.Compiled);
        var budgetRows = budget is null ? null : TradeoffBudgetRows.Parse(budget, a.Compiled);
        var terms = new[] { TermsOf(a.Compiled), TermsOf(b.Compiled) };
        var categories = a.Compiled.Method.Categories;
        MonteCarloResult[]? runs = null;
        if (monteCarlo is not null)
        {
            // The same seed for both: an input they share by name takes the same value in the same draw (common random numbers).
            runs = [.. new[] { a.Compiled, b.Compiled }.Select(c => UncertaintyAnalysis.Sample(c, monteCarlo, BreakEvenAnalysis.TrackedSlots(c)))];
        }
        var drawn = runs is null ? null : new[] { Drawn(a.Compiled, runs[0]), Drawn(b.Compiled, runs[1]) };
        var notCovered = categories.Select((c, k) => NotCovered(a.Compiled, terms[0], c.Id, k) || NotCovered(b.Compiled, terms[1], c.Id, k)).ToList();
        var breakEven = categories.Select((_, k) => notCovered[k]
            ? new TradeoffBreakEven(TradeoffOutcomes.NotCovered, null, null, new Dictionary<string, int>())
            : BreakEven(terms[0], terms[1], k, drawn)).ToList();
        var alternatives = new[] { a.Label, b.Label }.Select((label, x) => new TradeoffAlternative(label, terms[x].Development, terms[x].Inference)).ToList();
        return new TradeoffResults(a.Compiled.Study.FunctionalUnit.Amount.Text, a.Label, b.Label,
            [.. categories.Select(c => new Results.CategoryInfo(c.Id, c.Name, c.Unit.Symbol))], alternatives, breakEven,
            runs?[0].Iterations ?? 0, monteCarlo?.Seed ?? 0)
        {
            Budget = budgetRows is null ? null : Budget(budgetRows, [a.Compiled, b.Compiled], terms, drawn, notCovered),
        };
    }

    /// <summary>
    /// The two alternatives <c>--between A,B</c> names, among <paramref name="candidates"/>; refuses an unknown id
    /// (naming the closest), the same id twice, and a study with fewer than two alternatives.
    /// </summary>
    public static ((string Label, CompiledStudy Compiled) A, (string Label, CompiledStudy Compiled) B) Pick(
        IReadOnlyList<(string Label, CompiledStudy Compiled)> candidates, string a, string b)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var problems = new ProblemList();
        if (candidates.Count < 2)
        {
            problems.Error("nothing-to-compare", null, "alternatives", "a trade-off needs a study with at least two alternatives under 'alternatives'.");
            problems.ThrowIfErrors();
        }
        var labels = candidates.Select(c => c.Label).ToList();
        int IndexOf(string id)
        {
            var i = labels.IndexOf(id);
            if (i < 0)
            {
                var closest = Core.NameSuggestions.Closest(id, labels, 5);
                problems.Error("unknown-alternative", null, "--between",
                    $"'{Printable.Escape(id)}' is not an alternative of the study; "
                    + (closest.Count > 0 ? $"closest: {string.Join(", ", closest)}." : $"they are {string.Join(", ", labels)}."));
            }
            return i;
        }
        var (x, y) = (IndexOf(a), IndexOf(b));
        if (x >= 0 && x == y)
        {
            problems.Error("pair-with-itself", null, "--between", $"--between {a},{b} names '{a}' twice: give two different alternatives.");
        }
        problems.ThrowIfErrors();
        return (candidates[x], candidates[y]);
    }

    /// <summary>Where D_A + N·i_A and D_B + N·i_B cross: the outcome and N* (null without a crossing).</summary>
    public static (string Outcome, double? Requests) Crossing(double developmentA, double inferenceA, double developmentB, double inferenceB)
    {
        var extraDevelopment = developmentA - developmentB;
        var saving = inferenceB - inferenceA;
        return (extraDevelopment, saving) switch
        {
            ( > 0, > 0) => (TradeoffOutcomes.ARepays, extraDevelopment / saving),
            ( < 0, < 0) => (TradeoffOutcomes.BRepays, extraDevelopment / saving),
            (0, 0) => (TradeoffOutcomes.Equal, null),
            ( >= 0, <= 0) => (TradeoffOutcomes.ANeverCheaper, null),
            _ => (TradeoffOutcomes.ANeverDearer, null),
        };
    }

    /// <summary>The requests <paramref name="budget"/> serves after development <paramref name="development"/>, at <paramref name="perRequest"/> each.</summary>
    public static (string Outcome, double? Requests) Served(double budget, double development, double perRequest) =>
        development >= budget ? ("none", 0)
        : perRequest <= 0 ? ("unbounded", null)
        : ("serves", (budget - development) / perRequest);

    private static TradeoffBreakEven BreakEven(Terms a, Terms b, int k, Terms[]? drawn)
    {
        var (outcome, requests) = Crossing(a.Development[k], a.Inference[k], b.Development[k], b.Inference[k]);
        if (drawn is null)
        {
            return new TradeoffBreakEven(outcome, requests, null, new Dictionary<string, int>());
        }
        // Every draw is counted under its outcome; the band is over the draws that cross the way the deterministic case
        // does (a-repays when it does not cross), so "never" draws are counted, not folded into the band.
        var banded = outcome == TradeoffOutcomes.BRepays ? TradeoffOutcomes.BRepays : TradeoffOutcomes.ARepays;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var n = drawn[0].DevelopmentDraws[k].Length;
        var buffer = new double[n];
        var kept = 0;
        for (var s = 0; s < n; s++)
        {
            var (o, r) = Crossing(drawn[0].DevelopmentDraws[k][s], drawn[0].InferenceDraws[k][s], drawn[1].DevelopmentDraws[k][s], drawn[1].InferenceDraws[k][s]);
            counts[o] = counts.GetValueOrDefault(o) + 1;
            if (o == banded)
            {
                buffer[kept++] = r!.Value;
            }
        }
        return new TradeoffBreakEven(outcome, requests, kept == 0 ? null : Stats(SampleStatistics.Of(buffer.AsSpan(0, kept))), counts);
    }

    /// <summary>
    /// Whether a development stage's declared footprint does not give category <paramref name="id"/>, so that the
    /// alternative's development total of 0 is a gap (as <see cref="BreakEvenResult.DevelopmentNotCovered"/>).
    /// </summary>
    private static bool NotCovered(CompiledStudy compiled, Terms terms, string id, int k) =>
        terms.Development[k] == 0 && compiled.NotCovered.Any(n => n.Stage is not null && n.Id == id);

    private static TradeoffBudget Budget(TradeoffBudgetRows rows, CompiledStudy[] compiled, Terms[] terms, Terms[]? drawn, List<bool> notCovered)
    {
        var served = new List<IReadOnlyList<BudgetServed>>();
        for (var x = 0; x < 2; x++)
        {
            var row = new List<BudgetServed>();
            if (rows.Energy)
            {
                // Energy is read from the solved system's energy chains; its draws are not tracked, so no band.
                var (development, perRequest) = EnergyTerms(compiled[x]);
                var (outcome, requests) = Served(rows.Amount, development, perRequest);
                row.Add(new BudgetServed(outcome, requests, null, 0, 0));
            }
            foreach (var k in rows.Categories)
            {
                if (notCovered[k])
                {
                    row.Add(new BudgetServed(TradeoffOutcomes.NotCovered, null, null, 0, 0));
                    continue;
                }
                var (outcome, requests) = Served(rows.Amount, terms[x].Development[k], terms[x].Inference[k]);
                row.Add(drawn is null ? new BudgetServed(outcome, requests, null, 0, 0) : WithBands(outcome, requests, rows.Amount, drawn[x], k));
            }
            served.Add(row);
        }
        return new TradeoffBudget(rows.Text, rows.Amount, rows.Unit, rows.Names, served);
    }

    private static BudgetServed WithBands(string outcome, double? requests, double budget, Terms drawn, int k)
    {
        var n = drawn.DevelopmentDraws[k].Length;
        var buffer = new double[n];
        int kept = 0, none = 0, unbounded = 0;
        for (var s = 0; s < n; s++)
        {
            var (o, r) = Served(budget, drawn.DevelopmentDraws[k][s], drawn.InferenceDraws[k][s]);
            switch (o)
            {
                case "none": none++; break;
                case "unbounded": unbounded++; break;
                default: buffer[kept++] = r!.Value; break;
            }
        }
        return new BudgetServed(outcome, requests, kept == 0 ? null : Stats(SampleStatistics.Of(buffer.AsSpan(0, kept))), none, unbounded);
    }

    /// <summary>D and i of one alternative, deterministic (arrays per category).</summary>
    private sealed record Terms(double[] Development, double[] Inference)
    {
        public double[][] DevelopmentDraws { get; init; } = [];
        public double[][] InferenceDraws { get; init; } = [];
    }

    private static Terms TermsOf(CompiledStudy compiled)
    {
        var matrices = MatrixSet.Evaluate(compiled.System, compiled.Values);
        var (marginal, servingEmbodied) = PerRequestTerms.Inference(compiled, matrices);
        return new Terms([.. PerRequestTerms.Development(compiled, matrices).Impacts], [.. marginal.Zip(servingEmbodied, (m, e) => m + e)]);
    }

    /// <summary>
    /// Per draw, per category: D (the trained model's impacts) and i = (cost of the functional unit − its share of D)
    /// ÷ requests, the share taken at the drawn lifetime (as <see cref="BreakEvenAnalysis"/> recovers it).
    /// </summary>
    private static Terms Drawn(CompiledStudy compiled, MonteCarloResult run)
    {
        var lifetime = run.Tracked[BreakEvenAnalysis.TrackedSlots(compiled)[0]];
        var requests = compiled.Demand.Amount;
        var categories = compiled.Method.Categories.Count;
        var development = new double[categories][];
        var inference = new double[categories][];
        for (var k = 0; k < categories; k++)
        {
            var total = run.Impacts[0][k];
            development[k] = [.. run.Impacts[1][k]];
            inference[k] = new double[run.Iterations];
            for (var s = 0; s < run.Iterations; s++)
            {
                inference[k][s] = (total[s] - (requests * development[k][s] / lifetime[s])) / requests;
            }
        }
        return new Terms([], []) { DevelopmentDraws = development, InferenceDraws = inference };
    }

    /// <summary>
    /// Facility energy as counted (kWh): D the trained model's, and i = (the functional unit's − its share of D at the
    /// lifetime) ÷ requests.
    /// </summary>
    private static (double Development, double PerRequest) EnergyTerms(CompiledStudy compiled)
    {
        var matrices = MatrixSet.Evaluate(compiled.System, compiled.Values);
        var development = EnergyDrawn.Read(compiled, PerRequestTerms.Development(compiled, matrices)).FacilityEnergy;
        var unit = EnergyDrawn.Read(compiled, LcaCalculator.Calculate(compiled.System, compiled.Method, compiled.Demand, matrices)).FacilityEnergy;
        var requests = compiled.Demand.Amount;
        var lifetime = compiled.Values.InOwnUnit("inference.lifetime_requests");
        return (development, (unit - (requests * development / lifetime)) / requests);
    }

    private static Stats Stats(SampleStatistics s) => new(s.Mean, s.Median, s.P025, s.P5, s.P95, s.P975, s.StandardDeviation, s.P25, s.P75);
}

/// <summary>What a budget is held against: the categories of its dimension, or facility energy.</summary>
/// <param name="Text">The budget as written.</param>
/// <param name="Amount">The budget in <paramref name="Unit"/>.</param>
/// <param name="Unit">The unit of the rows.</param>
/// <param name="Energy">Whether it is an energy budget (kWh of facility energy).</param>
/// <param name="Categories">The category indices it is held against (empty for energy).</param>
/// <param name="Names">The rows' names: "energy" or the category ids.</param>
internal sealed record TradeoffBudgetRows(string Text, double Amount, string Unit, bool Energy, IReadOnlyList<int> Categories, IReadOnlyList<string> Names)
{
    /// <summary>Reads <paramref name="text"/>; a budget no category (and not energy) is measured in is refused, naming the units there are.</summary>
    public static TradeoffBudgetRows Parse(string text, CompiledStudy compiled)
    {
        var problems = new ProblemList();
        if (!Quantity.TryParse(text, out var quantity, out var error) || !double.IsFinite(quantity.BaseValue) || quantity.BaseValue <= 0)
        {
            problems.Error("budget-invalid", null, "--budget", $"expected a positive amount with a unit, such as '1000 kg CO2e' or '50 MWh'{(error is null ? "" : $" ({error})")}, found '{Printable.Escape(text)}'.");
            problems.ThrowIfErrors();
        }
        if (quantity.Dimension == Dimension.Energy)
        {
            // kWh: 3.6e6 J, exactly.
            return new TradeoffBudgetRows(text, quantity.BaseValue / 3.6e6, "kWh", true, [], ["energy"]);
        }
        var categories = compiled.Method.Categories;
        var matching = categories.Select((c, k) => (c, k)).Where(x => x.c.Unit.Dimension == quantity.Dimension).ToList();
        if (matching.Count == 0)
        {
            problems.Error("budget-unit", null, "--budget",
                $"'{Printable.Escape(text)}' is not in the unit of any assessed category nor an energy; the categories are in: "
                + string.Join(", ", categories.Select(c => $"{c.Id} ({c.Unit.Symbol})")) + ".");
            problems.ThrowIfErrors();
        }
        // Rows in another unit of the same dimension (g beside kg) would need the budget in their unit too: only the
        // first unit's rows are kept, so one amount is held against each.
        var unit = matching[0].c.Unit;
        matching = [.. matching.Where(x => x.c.Unit.FactorToBase == unit.FactorToBase)];
        return new TradeoffBudgetRows(text, unit.FromBase(quantity.BaseValue), unit.Symbol, false, [.. matching.Select(x => x.k)], [.. matching.Select(x => x.c.Id)]);
    }
}
