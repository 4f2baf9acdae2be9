namespace Cradle.Core.Sensitivity;

/// <summary>
/// Sobol indices of every model output, from <see cref="SobolAnalysis.Estimate"/>.
/// </summary>
/// <param name="Outputs">One entry per model output (for example per impact category), in the order the model returns them.</param>
/// <param name="BaseSamples">N, the number of samples (rows) in each of the two input matrices.</param>
/// <param name="ModelRuns">N(k + 2): the samples the model was evaluated at, for k parameters. The bootstrap adds none.</param>
public sealed record SobolResult(IReadOnlyList<SobolOutput> Outputs, int BaseSamples, int ModelRuns);

/// <summary>
/// Sobol indices of one model output. Lists are indexed by parameter, in the order of the input matrices' columns.
/// Indices are fractions of <see cref="Variance"/> (dimensionless, 0 to 1 in theory); sampling error can put an
/// estimate slightly below 0 or above 1, and it is reported as estimated, not clamped.
/// </summary>
/// <param name="Variance">
/// Variance of the output over f(A) and f(B) pooled (divided by 2N), in the output's unit squared. Exactly 0 when
/// every value is the same; then every index and interval bound is <see cref="double.NaN"/>, because no share of a
/// zero variance is defined.
/// </param>
/// <param name="First">First-order index S_i: the share of the variance due to parameter i alone (Saltelli et al. 2010).</param>
/// <param name="Total">Total-order index ST_i: the share due to parameter i including all its interactions (Jansen 1999).</param>
/// <param name="FirstInterval">
/// Bootstrap 95 % interval of S_i: the 2.5th and 97.5th percentiles over the resamples (linearly interpolated between
/// order statistics). Both bounds are <see cref="double.NaN"/> when there were no resamples or a resample's index was undefined.
/// </param>
/// <param name="TotalInterval">Bootstrap 95 % interval of ST_i, as for <paramref name="FirstInterval"/>.</param>
public sealed record SobolOutput(
    double Variance,
    IReadOnlyList<double> First,
    IReadOnlyList<double> Total,
    IReadOnlyList<(double Low, double High)> FirstInterval,
    IReadOnlyList<(double Low, double High)> TotalInterval);
