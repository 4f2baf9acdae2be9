using Cradle.Catalog;
using Cradle.Studies.Assessment;
using Cradle.Studies.Reading;
using Cradle.Studies.Tests.Support;
using static Cradle.Studies.Tests.Fleets.FleetStudy;

namespace Cradle.Studies.Tests.Fleets;

/// <summary>sensitivity --allocation-keys with fleets: each key applies to every fleet, a fleet's own key included.</summary>
public sealed class FleetAllocationTests
{
    [Fact]
    public void A_fleets_own_key_gives_way_to_each_key_tried()
    {
        // The phones state the calendar key: their NPU second carries 4 ÷ 3,600 × 10 ÷ 26,280 kg, a tenth of the busy
        // key's (utilisation 0.1). Stated: the busy total less 0.25 × 0.9 × the phones' busy embodied share; under the
        // busy key, the two-fleet total of TwoFleetTests.
        var text = Study(edgeTraffic: "share: 0.25\n      allocation: calendar");
        var busyTotal = (0.75 * (CloudEnergy + CloudEmbodied)) + (0.25 * (EdgeEnergy + EdgeEmbodied)) + DevelopmentPerRequest;
        var result = Assert.Single(AllocationKeyAnalysis.Run(StudyReader.Read(text, TinyStudy.File).Study, CatalogLoader.Shipped));
        Assert.Equal(busyTotal - (0.25 * 0.9 * EdgeEmbodied), result.Stated.Totals[0], 15);
        Assert.Equal(busyTotal, result.Cases.Single(c => c.Key == "busy").Totals[0], 15);
    }
}
