namespace Cradle.Studies.Assessment;

/// <summary>
/// The totals of one alternative recompiled under each allocation key of embodied impacts (<c>cradle sensitivity
/// --allocation-keys</c>), beside the study's own keys: how much the answer moves with the attribution choice.
/// </summary>
/// <param name="Alternative">The alternative's id, or null for the study as written.</param>
/// <param name="Categories">The impact categories, in the order of every case's figures.</param>
/// <param name="Cases">The study's own keys first (<see cref="AllocationKeyCase.StatedKey"/>), then each key applied throughout.</param>
public sealed record AllocationKeyResult(string? Alternative, IReadOnlyList<CategoryInfo> Categories, IReadOnlyList<AllocationKeyCase> Cases)
{
    /// <summary>The case of the study's own keys, which the others are compared with.</summary>
    public AllocationKeyCase Stated => Cases[0];

    /// <summary>
    /// (total under <paramref name="case"/> − total under the study's own keys) ÷ the latter, for category
    /// <paramref name="k"/>; NaN when the key does not apply or the stated total is zero.
    /// </summary>
    public double RelativeChange(AllocationKeyCase @case, int k)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return @case.NotApplicable is not null || Stated.Totals[k] == 0 ? double.NaN : (@case.Totals[k] - Stated.Totals[k]) / Stated.Totals[k];
    }
}

/// <summary>One recompilation of the study under an allocation key.</summary>
/// <param name="Key">"stated" (the study's own keys), or the key applied: calendar, busy, energy, batch.</param>
/// <param name="Description">The keys used, per hardware use ("pre-training: busy; inference: batch").</param>
/// <param name="Totals">Totals per functional unit, per category; empty when the key does not apply.</param>
/// <param name="Embodied">The hardware-manufacture and end-of-life stages' part of the totals, per category; empty when the key does not apply.</param>
/// <param name="NotApplicable">Why the key cannot be applied to this study (an input it needs is missing), or null.</param>
public sealed record AllocationKeyCase(string Key, string Description, IReadOnlyList<double> Totals, IReadOnlyList<double> Embodied, string? NotApplicable)
{
    /// <summary>The <see cref="Key"/> of the study's own keys.</summary>
    public const string StatedKey = "stated";
}
