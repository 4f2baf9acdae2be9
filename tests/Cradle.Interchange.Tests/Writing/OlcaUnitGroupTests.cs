using Cradle.Core.Units;
using Cradle.Interchange.Writing;

namespace Cradle.Interchange.Tests.Writing;

/// <summary>Cradle's units mapped to openLCA's unit groups and reference units.</summary>
public sealed class OlcaUnitGroupTests
{
    private static OlcaUnitGroup Group(string symbol) => OlcaUnitGroup.For(KnownUnits.Find(symbol)!.Dimension, _ => KnownUnits.Find(symbol)!);

    [Theory]
    // 1 kWh = 3,600,000 J and MJ = 1,000,000 J: 3.6 MJ. 1 L = 0.001 m3. 1 t = 1,000 kg. 1 day = 24 h. 1 device = 1 Item(s).
    [InlineData("kWh", "Units of energy", "MJ", 3.6, true)]
    [InlineData("MJ", "Units of energy", "MJ", 1, true)]
    [InlineData("L", "Units of volume", "m3", 0.001, true)]
    [InlineData("t", "Units of mass", "kg", 1000, true)]
    [InlineData("day", "Units of time", "h", 24, false)]
    [InlineData("device", "Units of items", "Item(s)", 1, true)]
    public void Maps_a_unit_to_its_group_and_reference_unit(string symbol, string group, string reference, double factor, bool openLcaIds)
    {
        var mapped = Group(symbol);
        Assert.Equal(group, mapped.Name);
        Assert.Equal(reference, mapped.UnitName);
        Assert.Equal(factor, mapped.FromCradle(KnownUnits.Find(symbol)!), 12);
        Assert.Equal(openLcaIds, mapped.IsOpenLcaReference);
    }

    [Fact]
    public void A_dimension_openLCA_has_no_group_for_gets_its_own_in_the_unit_given()
    {
        // Requests: no openLCA group. The group is Cradle's, counted in "request"; 1 krequest = 1,000 requests.
        var requests = OlcaUnitGroup.For(KnownUnits.Request.Dimension, _ => KnownUnits.Request);
        Assert.False(requests.IsOpenLcaReference);
        Assert.Equal("request", requests.UnitName);
        Assert.Equal(1000, requests.FromCradle(KnownUnits.Find("krequest")!));
        Assert.Equal(requests.Id, OlcaUnitGroup.For(KnownUnits.Request.Dimension, _ => KnownUnits.Request).Id);
    }

    [Fact]
    public void Ids_are_version_5_uuids_of_the_key_in_cradles_namespace()
    {
        // Python: uuid.uuid5(uuid.UUID('0c7a5d2e-3b61-4f0a-9d8e-6a4c1f2b7e90'), 'process/offline-batching/trained-model').
        Assert.Equal("900e8e16-2296-5f44-b45f-00869aa6e80f", OlcaIds.Of("process/offline-batching/trained-model"));
        Assert.NotEqual(OlcaIds.Of("process/a/x"), OlcaIds.Of("process/b/x"));
    }
}
