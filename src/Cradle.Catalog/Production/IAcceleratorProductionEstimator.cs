namespace Cradle.Catalog.Production;

/// <summary>
/// Estimates the production (embodied) impacts of one accelerator: measured lookup, parametric or die-area model, or a
/// combination of them. Implementations are pure: no files, clock or randomness.
/// </summary>
public interface IAcceleratorProductionEstimator
{
    /// <summary>The name callers choose it by ("ademe-measured", "ademe-parametric", "mlca", …).</summary>
    string Name { get; }

    /// <summary>One line: what it does and on what data.</summary>
    string Description { get; }

    /// <summary>The impacts of <paramref name="accelerator"/>, or why it cannot estimate them.</summary>
    ProductionResult Estimate(AcceleratorSpec accelerator);
}
