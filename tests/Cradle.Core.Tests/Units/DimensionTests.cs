using Cradle.Core.Units;

namespace Cradle.Core.Tests.Units;

public class DimensionTests
{
    [Fact]
    public void Power_times_time_is_energy()
    {
        Assert.Equal(Dimension.Energy, Dimension.Power * Dimension.Time);
    }

    [Fact]
    public void Energy_squared_has_a_square_root_and_energy_has_none()
    {
        Assert.Equal(Dimension.Energy, Dimension.Energy.Pow(2).Sqrt());
        Assert.Null(Dimension.Energy.Sqrt()); // M·L²·T⁻²: the mass exponent is odd
    }

    [Fact]
    public void Default_dimension_is_dimensionless_and_equal_to_None()
    {
        Assert.Equal(Dimension.None, default);
        Assert.True(default(Dimension).IsDimensionless);
        Assert.Equal(Dimension.None.GetHashCode(), default(Dimension).GetHashCode());
    }

    [Fact]
    public void Unnamed_dimensions_are_shown_by_their_exponents()
    {
        var energyPerRequestSquared = Dimension.Energy / Dimension.Of(BaseDimension.Request).Pow(2);

        Assert.Equal("M·L^2·T^-2·request^-2", energyPerRequestSquared.ToString());
    }
}
