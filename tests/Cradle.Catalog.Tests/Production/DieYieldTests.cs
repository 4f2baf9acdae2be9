using Cradle.Catalog.Production;

namespace Cradle.Catalog.Tests.Production;

/// <summary>The two loss models against the test vectors of GPU-PRODUCTION.md A3.3 (the dossier's arithmetic).</summary>
public sealed class DieYieldTests
{
    [Theory]
    // 814 mm² (H100): D = 8.14 × 0.1 = 0.814; Y = ((1 − e^−0.814)/0.814)² = 0.4681; 814 / 0.4681 = 1,739.0.
    [InlineData(814, 1739.0)]
    [InlineData(826, 1783.0)]
    [InlineData(86.25, 94.0)]
    [InlineData(31, 32.0)]
    public void Murphy_matches_the_dossier(double area, double effective) => Assert.Equal(effective, DieYield.Murphy(area), 0.1);

    [Theory]
    // 814 mm²: s = (√814 + 0.2)² = 825.45; N = round(70,685.8/825.45 − 942.48/40.63) = round(85.63 − 23.20) = 62;
    // Y = exp(−√0.814) = 0.4059; effective = 814 / (62 × 814 / 70,685.8 × 0.4059) = 2,810.4.
    [InlineData(814, 2810.4)]
    [InlineData(826, 2875.5)]
    [InlineData(86.25, 132.6)]
    [InlineData(31, 42.0)]
    public void Circular_wafer_matches_the_dossier(double area, double effective) => Assert.Equal(effective, DieYield.CircularWafer(area), 0.1);
}
