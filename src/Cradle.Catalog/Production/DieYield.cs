namespace Cradle.Catalog.Production;

/// <summary>
/// Die area including manufacturing losses ("effective" area), by the two loss models of the ADEME / Hubblo calculator
/// (GPU-PRODUCTION.md A3.3), both with a defect density of 0.1 per cm².
/// </summary>
internal static class DieYield
{
    private const double DefectsPerCm2 = 0.1;
    private const double WaferRadiusMm = 150;
    private const double KerfMm = 0.2;

    /// <summary>Murphy yield: Y = ((1 − e^−D) / D)², D = area in cm² × defect density; effective = area ÷ Y. mm² in, mm² out.</summary>
    public static double Murphy(double areaMm2)
    {
        var defects = areaMm2 / 100 * DefectsPerCm2;
        var yield = Math.Pow((1 - Math.Exp(-defects)) / defects, 2);
        return areaMm2 / yield;
    }

    /// <summary>
    /// Circular-wafer model: dies per 300 mm wafer N = round(π r² / s − π d / √(2 s)), s = (√A + kerf)²; yield
    /// Y = exp(−√(A in cm² × defect density)); effective = A ÷ [(N A / wafer area) × Y]. mm² in, mm² out.
    /// </summary>
    public static double CircularWafer(double areaMm2)
    {
        var site = Math.Pow(Math.Sqrt(areaMm2) + KerfMm, 2);
        var waferArea = Math.PI * WaferRadiusMm * WaferRadiusMm;
        var dies = Math.Round((waferArea / site) - (Math.PI * 2 * WaferRadiusMm / Math.Sqrt(2 * site)), MidpointRounding.AwayFromZero);
        var yield = Math.Exp(-Math.Sqrt(areaMm2 / 100 * DefectsPerCm2));
        return areaMm2 / (dies * areaMm2 / waferArea * yield);
    }
}
