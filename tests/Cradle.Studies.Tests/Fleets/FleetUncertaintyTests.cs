using Cradle.Studies.Assessment;
using Cradle.Studies.Tests.Support;
using static Cradle.Studies.Tests.Fleets.FleetStudy;

namespace Cradle.Studies.Tests.Fleets;

/// <summary>A fleet's share is a parameter like any other: sampled, and in the sensitivity analysis.</summary>
public sealed class FleetUncertaintyTests
{
    [Fact]
    public void An_uncertain_share_moves_the_request_between_the_fleets_footprints()
    {
        // total = dev + cloud + e × (edge − cloud), e ~ U(0.2, 0.3), the cloud taking the rest (1 − e). The only
        // uncertain input, so its first-order index is 1; one at a time, the 5th and 95th percentiles of e are 0.205 and
        // 0.295: a swing of 0.09 × |edge − cloud| per request.
        var text = Study("share: 1 - inference.fleets.edge.share",
            "share:\n        value: 0.25\n        uncertainty: {distribution: uniform, min: 0.2, max: 0.3}");
        var compiled = StudyAssessor.Compile(text, TinyStudy.File, [], null).Alternatives[0];
        var result = SensitivityAnalysis.Run(compiled, 4096, 100, 3);
        var share = result.Inputs.Single(i => i.Input == "inference.fleets.edge.share");
        Assert.Equal(1, share.First[0], 0.05);
        var difference = (CloudEnergy + CloudEmbodied) - (EdgeEnergy + EdgeEmbodied);
        Assert.Equal(0.09 * difference, share.Swing(0), 12);
    }
}
