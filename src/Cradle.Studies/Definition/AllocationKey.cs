namespace Cradle.Studies.Definition;

/// <summary>
/// How a device-hour takes its share of a manufactured device's embodied impacts (the attribution the position paper
/// calls an open problem; docs/methodology.md, "Allocation keys"). The study states it; every report shows it.
/// </summary>
public enum AllocationKey
{
    /// <summary>Share of the calendar life: 1 ÷ lifespan per device-hour; idle time is charged to no one.</summary>
    Calendar,

    /// <summary>Share of the busy hours: 1 ÷ (lifespan × utilisation) per device-hour; idle time is charged to the users (the default).</summary>
    Busy,

    /// <summary>
    /// Share of the device's lifetime energy: a busy device-hour at rated power P takes
    /// P ÷ (lifespan × (utilisation × P + (1 − utilisation) × idle power)).
    /// </summary>
    Energy,

    /// <summary>
    /// Serving only, as EcoLogits does: a request takes devices × latency ÷ (batch size × lifespan) of the devices
    /// serving it (its slot in a batch, over the calendar life).
    /// </summary>
    Batch,
}

/// <summary>Names, formulas and parsing of <see cref="AllocationKey"/>.</summary>
public static class AllocationKeys
{
    /// <summary>The default when a study states none: today's busy-hour share, so results do not change.</summary>
    public const AllocationKey Default = AllocationKey.Busy;

    /// <summary>The keys a hardware entry may state.</summary>
    public static readonly IReadOnlyList<string> HardwareNames = ["calendar", "busy", "energy"];

    /// <summary>The keys <c>inference.allocation</c> may state.</summary>
    public static readonly IReadOnlyList<string> InferenceNames = ["calendar", "busy", "energy", "batch"];

    /// <summary>The key as written in a study ("calendar", "busy", "energy", "batch").</summary>
    public static string Name(this AllocationKey key) => key.ToString().ToLowerInvariant();

    /// <summary>The key from its written name, or null when it is not one.</summary>
    public static AllocationKey? Parse(string? text) => text switch
    {
        "calendar" => AllocationKey.Calendar,
        "busy" => AllocationKey.Busy,
        "energy" => AllocationKey.Energy,
        "batch" => AllocationKey.Batch,
        _ => null,
    };

    /// <summary>The share one device-hour (or request) takes, in words with its formula, for reports.</summary>
    public static string Describe(this AllocationKey key) => key switch
    {
        AllocationKey.Calendar => "calendar share, 1 ÷ lifespan per device-hour (idle time charged to no one)",
        AllocationKey.Busy => "busy-hour share, 1 ÷ (lifespan × utilisation) per device-hour",
        AllocationKey.Energy => "energy share, P ÷ (lifespan × (utilisation × P + (1 − utilisation) × idle power)) per device-hour, P the device's rated power",
        _ => "batch share (EcoLogits), devices × latency ÷ (batch size × lifespan) per request",
    };
}
