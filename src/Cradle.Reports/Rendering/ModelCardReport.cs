using System.Globalization;
using Cradle.Results;

namespace Cradle.Reports.Rendering;

/// <summary>
/// A model-card section: Hugging Face's <c>co2_eq_emissions</c> metadata (emissions in grams of CO2 eq, source,
/// training_type, geographical_location, hardware_used) as YAML front matter, then an "Environmental impact" section
/// with the life-cycle table per functional unit and what the position paper asks developers to disclose.
/// </summary>
public static class ModelCardReport
{
    // Stages after development: Hugging Face's co2_eq_emissions is the footprint of making the model, so these are
    // not part of it (hardware manufacture enters only as the share the development stages use).
    private static readonly string[] NotDevelopment = ["inference", "hardware-manufacture", "end-of-life"];

    /// <summary>
    /// Writes the model card section for one alternative: <paramref name="alternative"/> by id, or, when null, the
    /// study as written or its first alternative — named in the card whenever the results hold more than one.
    /// </summary>
    /// <exception cref="ReportException">No alternative has the id <paramref name="alternative"/>.</exception>
    public static void Write(AssessmentResults model, TextWriter writer, string? alternative = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(writer);
        var a = Choose(model, alternative);
        var named = model.Alternatives.Count > 1 && a.Id is not null ? $"alternative '{a.Id}'" : null;
        var gwp = a.Categories.ToList().FindIndex(c => c.Id == "gwp100");
        var development = gwp < 0 ? double.NaN : a.EquationOne is { } eq ? eq.DevelopmentTotal[gwp] : a.Totals[gwp];
        var developmentStages = model.Included.Where(s => !NotDevelopment.Contains(s, StringComparer.Ordinal)).ToList();
        var trainingType = model.Included.Contains("pre-training") ? "pre-training"
            : model.Included.Any(s => s is "supervised-fine-tuning" or "preference-tuning" or "reinforcement-learning" or "distillation") ? "fine-tuning" : "unknown";
        var training = a.Conventions.FirstOrDefault(c => c.Scope != "inference");
        // The basis the emissions figure is on (the study's goal.carbon_basis), and the other basis's figure where the
        // results carry that row ("gwp100-market" in a location-based study, "gwp100-location" in a market-based one).
        var basis = training?.CarbonBasis ?? a.Conventions.Select(c => c.CarbonBasis).OfType<string>().FirstOrDefault();
        var other = basis is null ? -1 : a.Categories.ToList().FindIndex(c => c.Id == (basis == "market-based" ? "gwp100-location" : "gwp100-market"));
        var otherDevelopment = other < 0 ? double.NaN : a.EquationOne is { } eqOther ? eqOther.DevelopmentTotal[other] : a.Totals[other];
        var hardware = string.Join(", ", a.Hardware.Where(h => h.Scope != "inference").Select(h => $"{h.Device} ({h.PerNode} per node)").Distinct());
        // Hugging Face's metadata is grams of CO2 eq of making the model: without a GWP100 result, or with no
        // development stage inside the boundary, there is no such number, and 0 would claim training was free.
        if (gwp >= 0 && developmentStages.Count > 0)
        {
            var counted = string.Join(", ", developmentStages)
                + (model.Included.Contains("hardware-manufacture") ? ", with the hardware's manufacture share" : ", without the hardware's manufacture (outside the boundary)");
            writer.WriteLine("---");
            writer.WriteLine("co2_eq_emissions:");
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  emissions: {Math.Round(development * 1000, MidpointRounding.AwayFromZero):0}"));
            writer.WriteLine($"  source: \"Cradle life cycle assessment of '{Quote(model.Name)}'{(named is null ? "" : $", {Quote(named)}")} (reference catalog {Quote(a.CatalogVersion)}); {Quote(counted)}{(basis is null ? "" : $"; {basis} carbon")}\"");
            writer.WriteLine($"  training_type: \"{trainingType}\"");
            writer.WriteLine($"  geographical_location: \"{Quote(training is null ? "unknown" : $"{training.Place} ({training.Grid})")}\"");
            writer.WriteLine($"  hardware_used: \"{Quote(hardware.Length == 0 ? "not stated" : hardware)}\"");
            writer.WriteLine("---");
            writer.WriteLine();
        }
        writer.WriteLine("## Environmental impact");
        writer.WriteLine();
        writer.WriteLine($"Life cycle assessment (ISO 14040/14044, {T(model.Goal.Approach)}) with Cradle, per functional unit: "
            + $"**{T(model.FunctionalUnit.Amount)}** — {T(model.FunctionalUnit.Description)}");
        writer.WriteLine();
        if (named is not null)
        {
            writer.WriteLine($"These figures are for {T(named)} (one of {model.Alternatives.Count} alternatives in the results: "
                + string.Join(", ", model.Alternatives.Select(x => $"'{T(x.Id)}'")) + ")" + (a.Description is null ? "." : $": {T(a.Description)}"));
            writer.WriteLine();
        }
        if (gwp >= 0 && developmentStages.Count == 0)
        {
            writer.WriteLine("No training emissions are given (and no `co2_eq_emissions` metadata): experimentation and training were outside this study's system boundary, not zero.");
            writer.WriteLine();
        }
        var categories = a.Categories;
        var rows = a.Stages.Where(s => s.Values.Any(v => v != 0)).Select(s =>
        {
            var band = a.Uncertainty?.Stages.FirstOrDefault(u => u.Stage == s.Stage).Values;
            // A stage's zero in a category its declared footprint does not give is a gap: said so, with no bracket.
            return new[] { MarkdownText.Cell(s.Stage) }.Concat(s.Values.Select((v, k) => v == 0 && a.IsNotCovered(s.Stage, categories[k].Id) ? "not covered"
                : band is null ? NumberFormat.Format(v)
                : $"{NumberFormat.Format(v)} [{NumberFormat.Format(band[k].P025)}, {NumberFormat.Format(band[k].P975)}]")).ToArray();
        }).ToList();
        rows.Add(["**total**", .. a.Totals.Select((t, k) => a.Uncertainty is null ? $"**{NumberFormat.Format(t)}**"
            : $"**{NumberFormat.Format(t)}** [{NumberFormat.Format(a.Uncertainty.Totals[k].P025)}, {NumberFormat.Format(a.Uncertainty.Totals[k].P975)}]")]);
        MarkdownReport.Table(writer, ["Life-cycle stage", .. categories.Select(c => $"{T(c.Id)} ({T(c.Unit)})")], rows);
        if (a.Uncertainty is not null)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Brackets: 95 % interval over {a.Uncertainty.Iterations:N0} Monte Carlo draws."));
            if (AnyValueOutsideItsInterval(a))
            {
                // Readers take a value outside its bracket for a bug; it is what a bound stated as a value gives.
                writer.WriteLine("A value outside its bracket is not an error: some inputs are stated at a bound of their range "
                    + "(for example a measured lower bound of energy), so the draws lie on one side of the stated value.");
            }
            writer.WriteLine();
        }
        writer.WriteLine("What a reader needs to reuse these figures:");
        writer.WriteLine();
        if (gwp >= 0 && developmentStages.Count > 0)
        {
            writer.WriteLine($"- **Carbon basis:** `co2_eq_emissions.emissions` is {(basis is null ? "on a carbon basis the results do not state" : $"{basis} (GHG Protocol Scope 2)")}"
                + (other < 0 ? "." : string.Create(CultureInfo.InvariantCulture,
                    $"; {(basis == "market-based" ? "location-based" : "market-based")}, the same development emits {Math.Round(otherDevelopment * 1000, MidpointRounding.AwayFromZero):0} g CO2 eq.")));
        }
        if (a.EquationOne is { } e)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"- **Inference scale:** a lifetime of {NumberFormat.Format(e.Lifetime)} requests is assumed; experimentation and training are amortised over it."));
            // Where a declared stage does not give a category, development's zero and its "never" are gaps, said as such.
            var gap = a.DevelopmentCells(e.DevelopmentTotal, categories.Select(_ => "")).Select(c => c.Length > 0).ToList();
            writer.WriteLine($"- **Break-even:** cumulative inference equals experimentation + training after {string.Join(", ", categories.Select((c, k) =>
                gap[k] ? $"not covered ({T(c.Id)})" : $"{(e.BreakEven[k] is { } n ? NumberFormat.Format(n) : "never")} requests ({T(c.Id)})"))}.");
            writer.WriteLine($"- **Experimentation + training, whole:** {string.Join(", ", categories.Select((c, k) =>
                gap[k] ? $"not covered ({T(c.Id)})" : $"{NumberFormat.Format(e.DevelopmentTotal[k])} {T(c.Unit)}"))}.");
        }
        foreach (var input in a.Inputs.Where(i => i.Name.Contains(".embodied.", StringComparison.Ordinal)))
        {
            writer.WriteLine($"- **Embodied figure:** `{input.Name}` = {NumberFormat.Format(input.Value)} {T(input.Unit)} ({T(input.Provenance)}{(input.Source is null ? "" : $", {T(input.Source)}")}).");
        }
        // Every gwp100 grid factor on either carbon basis, so a market-based card does not show the location figure alone.
        foreach (var input in a.Inputs.Where(i => i.Name.EndsWith(".per_kwh.gwp100", StringComparison.Ordinal) || i.Name.EndsWith(".market_based.gwp100", StringComparison.Ordinal)
            || i.Name.EndsWith(".residual_mix.gwp100", StringComparison.Ordinal) || i.Name.EndsWith(".pue", StringComparison.Ordinal)))
        {
            writer.WriteLine($"- **Site:** `{input.Name}` = {NumberFormat.Format(input.Value)} {(input.Unit == "1" ? "" : T(input.Unit))}{(input.Source is null ? "" : $" ({T(input.Source)})")}.");
        }
        foreach (var description in a.Conventions.Select(c => c.Description))
        {
            writer.WriteLine($"- **Energy convention:** {T(description)}.");
        }
        if (model.Provenance is { } provenance)
        {
            // So that a reader of the card can check the inputs and re-run the assessment.
            writer.WriteLine($"- **Provenance:** {T(string.Join("; ", ProvenanceText.Items(provenance).Select(i => $"{i.Label.ToLowerInvariant()} {i.Text}")))}.");
        }
    }

    /// <summary>Text for a double-quoted YAML string in the front matter: backslashes, quotes and control characters escaped.</summary>
    private static string Quote(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => c.ToString(),
            });
        }
        return builder.ToString();
    }

    private static string T(string? text) => MarkdownText.Escape(text);

    private static AlternativeResults Choose(AssessmentResults model, string? id)
    {
        if (id is null)
        {
            return model.Alternatives[0];
        }
        return model.Alternatives.FirstOrDefault(a => a.Id == id)
            ?? throw new ReportException(model.Alternatives.All(a => a.Id is null)
                ? $"the results have no alternatives, so there is no alternative '{id}' to choose."
                : $"the results have no alternative '{id}'; the alternatives are: {string.Join(", ", model.Alternatives.Select(a => a.Id))}.");
    }

    private static bool AnyValueOutsideItsInterval(AlternativeResults a)
    {
        var u = a.Uncertainty!;
        // A tolerance, so that a value with no uncertainty in it is not "outside" its interval by rounding.
        static bool Outside(double v, Stats s) => v < s.P025 - (1e-9 * Math.Abs(v)) || v > s.P975 + (1e-9 * Math.Abs(v));
        return a.Totals.Select((t, k) => Outside(t, u.Totals[k])).Any(x => x)
            || a.Stages.Any(s => u.Stages.FirstOrDefault(b => b.Stage == s.Stage).Values is { } band
                && s.Values.Select((v, k) => Outside(v, band[k])).Any(x => x));
    }
}
