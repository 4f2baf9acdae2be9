namespace Cradle.Results;

/// <summary>
/// The trade-off between two alternatives on one per-request functional unit (<c>cradle tradeoff</c>, schema
/// <c>cradle.tradeoff/1</c>): each one's development total D (experimentation + training, per trained model) and
/// inference cost per request i; where their cumulative costs D + N·i cross; and, with a budget, how many requests it
/// serves under each.
/// </summary>
/// <param name="FunctionalUnit">The functional unit, as written.</param>
/// <param name="A">The first alternative (the one asked about: "does A repay its extra training against B").</param>
/// <param name="B">The second alternative.</param>
/// <param name="Categories">The categories, in order.</param>
/// <param name="Alternatives">A then B: their development totals and inference per request, per category.</param>
/// <param name="BreakEven">Per category: where A's and B's cumulative costs cross.</param>
/// <param name="Iterations">Monte Carlo draws (0: none).</param>
/// <param name="Seed">The seed (meaningful with draws).</param>
public sealed record TradeoffResults(
    string FunctionalUnit, string A, string B, IReadOnlyList<CategoryInfo> Categories, IReadOnlyList<TradeoffAlternative> Alternatives,
    IReadOnlyList<TradeoffBreakEven> BreakEven, int Iterations, ulong Seed)
{
    /// <summary>The fixed budget and the requests it serves, or null when none was asked for.</summary>
    public TradeoffBudget? Budget { get; init; }
}

/// <summary>One alternative's two terms.</summary>
/// <param name="Id">The alternative.</param>
/// <param name="Development">Per category: D, experimentation + training per trained model.</param>
/// <param name="InferencePerRequest">Per category: i, inference (energy, idle, serving hardware) per request.</param>
public sealed record TradeoffAlternative(string Id, IReadOnlyList<double> Development, IReadOnlyList<double> InferencePerRequest);

/// <summary>How A's cumulative cost D_A + N·i_A stands against B's as the number of requests N grows.</summary>
public static class TradeoffOutcomes
{
    /// <summary>A costs more up to N* and less beyond: A repays its extra development after N* requests.</summary>
    public const string ARepays = "a-repays";
    /// <summary>A costs less up to N* and more beyond: B repays its extra development after N*, i.e. beyond N* A costs more.</summary>
    public const string BRepays = "b-repays";
    /// <summary>A costs more at every volume (more or equal development, no cheaper to serve).</summary>
    public const string ANeverCheaper = "a-never-cheaper";
    /// <summary>A costs no more at every volume (no more development, no dearer to serve).</summary>
    public const string ANeverDearer = "a-never-dearer";
    /// <summary>The same development and the same cost per request.</summary>
    public const string Equal = "equal";
    /// <summary>
    /// A development stage's declared footprint does not give this category for A or B, so its development total of 0
    /// is a gap, not a finding: no crossing (nor budget) is computed.
    /// </summary>
    public const string NotCovered = "not-covered";
}

/// <summary>The crossing in one category.</summary>
/// <param name="Outcome">One of <see cref="TradeoffOutcomes"/>.</param>
/// <param name="Requests">N* = ΔD ÷ Δi (requests), for <see cref="TradeoffOutcomes.ARepays"/> and <see cref="TradeoffOutcomes.BRepays"/>; null otherwise.</param>
/// <param name="Bands">Statistics of N* over the draws whose outcome is <see cref="Outcome"/> (or, without a crossing, a-repays), or null.</param>
/// <param name="DrawsByOutcome">With Monte Carlo: how many draws had each outcome (none dropped); empty without.</param>
public sealed record TradeoffBreakEven(string Outcome, double? Requests, Stats? Bands, IReadOnlyDictionary<string, int> DrawsByOutcome);

/// <summary>A fixed budget and the requests each alternative serves with it: (budget − D) ÷ i.</summary>
/// <param name="Text">The budget as written ("1000 kg CO2e", "50 MWh").</param>
/// <param name="Amount">The budget in the unit of <see cref="Unit"/>.</param>
/// <param name="Unit">The unit the figures below are in (a category's unit, or kWh for an energy budget).</param>
/// <param name="Rows">What the budget is held against: the categories of its dimension, or "energy" (facility energy as counted).</param>
/// <param name="Served">Per alternative (A then B), per row.</param>
public sealed record TradeoffBudget(string Text, double Amount, string Unit, IReadOnlyList<string> Rows, IReadOnlyList<IReadOnlyList<BudgetServed>> Served);

/// <summary>The requests a budget serves under one alternative, in one row.</summary>
/// <param name="Outcome">"not-covered" (as <see cref="TradeoffOutcomes.NotCovered"/>), "serves", "none" (development alone spends the budget: D ≥ budget) or "unbounded" (no cost per request).</param>
/// <param name="Requests">(budget − D) ÷ i for "serves"; 0 for "none"; null for "unbounded".</param>
/// <param name="Bands">Statistics over the draws that serve some requests, or null.</param>
/// <param name="DrawsNone">Draws in which development alone spends the budget.</param>
/// <param name="DrawsUnbounded">Draws with no cost per request.</param>
public sealed record BudgetServed(string Outcome, double? Requests, Stats? Bands, int DrawsNone, int DrawsUnbounded);
