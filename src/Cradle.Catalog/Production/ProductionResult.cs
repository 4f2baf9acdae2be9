namespace Cradle.Catalog.Production;

/// <summary>
/// An estimator's answer for one accelerator: an <see cref="Estimate"/>, or the <see cref="Reason"/> it cannot give one
/// ("no die area", "not one of the eight measured cards"). Never a zero in place of a missing value.
/// </summary>
public sealed record ProductionResult
{
    private ProductionResult(string estimator, ProductionEstimate? estimate, string? reason)
    {
        Estimator = estimator;
        Estimate = estimate;
        Reason = reason;
    }

    /// <summary>The estimator that answered.</summary>
    public string Estimator { get; }

    /// <summary>The estimate, or null when the estimator cannot estimate.</summary>
    public ProductionEstimate? Estimate { get; }

    /// <summary>Why there is no estimate, or null when there is one.</summary>
    public string? Reason { get; }

    /// <summary>True when <see cref="Estimate"/> is set.</summary>
    public bool IsEstimated => Estimate is not null;

    /// <summary>A result carrying <paramref name="estimate"/>.</summary>
    public static ProductionResult Of(ProductionEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return new ProductionResult(estimate.Estimator, estimate, null);
    }

    /// <summary>"<paramref name="estimator"/> cannot estimate, because <paramref name="reason"/>".</summary>
    public static ProductionResult CannotEstimate(string estimator, string reason) => new(estimator, null, reason);

    /// <summary>"mlca: 329.8 kg CO2e …" or "mlca: cannot estimate: no die area".</summary>
    public override string ToString() => Estimate is null ? $"{Estimator}: cannot estimate: {Reason}" : $"{Estimator}: {string.Join(", ", Estimate.Impacts.Select(i => FormattableString.Invariant($"{i.Value:G4} {i.Unit}")))}";
}
