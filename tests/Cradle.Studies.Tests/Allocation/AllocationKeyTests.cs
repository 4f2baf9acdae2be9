using Cradle.Studies.Assessment;
using Cradle.Studies.Definition;
using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Allocation;

/// <summary>Each allocation key gives the hand-computed embodied share, and the results say which key was used.</summary>
public sealed class AllocationKeyTests
{
    // 463 kg CO2e per device, 1,000 device-hours, lifespan 4 × 8,760 h = 35,040 h, utilisation 0.5, P 700 W, idle 100 W.
    // calendar: 463 × 1,000 ÷ 35,040 = 13.21347 kg
    // busy:     463 × 1,000 ÷ (35,040 × 0.5 = 17,520) = 26.42694 kg
    // energy:   463 × 1,000 × 700 ÷ (35,040 × (0.5 × 700 + 0.5 × 100) = 35,040 × 400 = 14,016,000) = 23.12357 kg
    private const double Calendar = 463.0 * 1000 / 35_040;
    private const double Busy = 463.0 * 1000 / 17_520;
    private const double Energy = 463.0 * 1000 * 700 / (35_040.0 * 400);

    private static double Gwp(string text) => TinyStudy.Total(StudyAssessor.Assess(text, AllocationStudy.File), "gwp100");

    [Fact]
    public void Hand_computed_values_are_what_the_formulas_give()
    {
        Assert.Equal(13.21347, Calendar, 5);
        Assert.Equal(26.42694, Busy, 5);
        Assert.Equal(23.12357, Energy, 5);
    }

    [Fact]
    public void Calendar_key_charges_one_lifespan_per_device()
    {
        Assert.Equal(Calendar, Gwp(AllocationStudy.WithKey("calendar")), 9);
    }

    [Fact]
    public void Busy_key_charges_the_busy_hours_only()
    {
        Assert.Equal(Busy, Gwp(AllocationStudy.WithKey("busy")), 9);
    }

    [Fact]
    public void Energy_key_charges_the_share_of_lifetime_energy()
    {
        Assert.Equal(Energy, Gwp(AllocationStudy.WithKey("energy")), 9);
    }

    [Fact]
    public void Energy_key_lies_between_calendar_and_busy_and_meets_them_at_the_idle_power_limits()
    {
        // Idle power 0 W: 35,040 × 0.5 × 700 ÷ 700 = 17,520 h, the busy key; idle power 700 W: 35,040 h, the calendar key.
        var energy = AllocationStudy.WithKey("energy");
        Assert.Equal(Busy, Gwp(energy.Replace("idle_power: 100 W", "idle_power: 0 W", StringComparison.Ordinal)), 9);
        Assert.Equal(Calendar, Gwp(energy.Replace("idle_power: 100 W", "idle_power: 700 W", StringComparison.Ordinal)), 9);
    }

    [Fact]
    public void No_key_stated_is_the_busy_key_so_earlier_results_do_not_change()
    {
        var assessment = StudyAssessor.Assess(AllocationStudy.Text, AllocationStudy.File);
        Assert.Equal(Busy, TinyStudy.Total(assessment, "gwp100"), 9);
        Assert.Equal(AllocationKey.Busy, Assert.Single(assessment.Alternatives[0].Hardware).Allocation);
    }

    [Fact]
    public void Node_embodied_takes_the_same_key_divided_by_devices_per_node()
    {
        // Node 1,000 kg CO2e shared by 4 devices, calendar key: 1,000 × 1,000 ÷ (4 × 35,040) = 7.13470 kg more.
        var text = AllocationStudy.WithKey("calendar").Replace("    lifespan: 4 year\n",
            "    per_node: 4\n    node:\n      embodied:\n        gwp100: 1000 kg CO2e\n    lifespan: 4 year\n", StringComparison.Ordinal);
        Assert.Equal(Calendar + (1000.0 * 1000 / (4 * 35_040)), Gwp(text), 9);
    }

    [Fact]
    public void The_key_shows_in_the_conventions_and_the_hardware_rows()
    {
        var a = StudyAssessor.Assess(AllocationStudy.WithKey("energy"), AllocationStudy.File).Alternatives[0];
        Assert.Equal(AllocationKey.Energy, Assert.Single(a.Hardware).Allocation);
        var convention = a.Conventions.Single(c => c.Scope == "pre-training");
        Assert.Equal(AllocationKey.Energy, convention.Allocation);
        Assert.EndsWith("; embodied impacts by energy share, P ÷ (lifespan × (utilisation × P + (1 − utilisation) × idle power)) per device-hour, P the device's rated power",
            convention.Describe(), StringComparison.Ordinal);
        Assert.Contains(a.Inputs, i => i.Name == "hardware.fleet.idle_power" && i.Value == 100);
    }

    [Fact]
    public void Without_manufacture_in_the_boundary_nothing_is_allocated_and_no_key_is_shown()
    {
        var text = AllocationStudy.Text.Replace("included: [pre-training, hardware-manufacture]", "included: [pre-training]\n  excluded:\n    hardware-manufacture: not assessed", StringComparison.Ordinal);
        var a = StudyAssessor.Assess(text, AllocationStudy.File).Alternatives[0];
        Assert.Null(Assert.Single(a.Hardware).Allocation);
        Assert.DoesNotContain("embodied impacts by", a.Conventions.Single().Describe(), StringComparison.Ordinal);
    }
}
