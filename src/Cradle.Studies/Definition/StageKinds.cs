namespace Cradle.Studies.Definition;

/// <summary>The life-cycle stages of an ML model, as ids used in studies and results.</summary>
public static class StageKinds
{
    /// <summary>Hyper-parameter searches, ablations, failed and restarted runs.</summary>
    public const string Experimentation = "experimentation";
    /// <summary>Pre-training of the base model.</summary>
    public const string PreTraining = "pre-training";
    /// <summary>Inference serving requests.</summary>
    public const string Inference = "inference";
    /// <summary>Manufacture of the hardware (embodied impacts).</summary>
    public const string HardwareManufacture = "hardware-manufacture";
    /// <summary>End of life of the hardware.</summary>
    public const string EndOfLife = "end-of-life";

    /// <summary>Kinds a stage under <c>stages:</c> may have (everything before deployment).</summary>
    public static IReadOnlyList<string> Development { get; } =
    [
        Experimentation, PreTraining, "mid-training", "supervised-fine-tuning", "preference-tuning",
        "reinforcement-learning", "distillation", "evaluation", "continual-retraining",
    ];

    /// <summary>Every stage kind, for system boundaries.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Development, Inference, HardwareManufacture, EndOfLife];

    /// <summary>Position of a stage kind in the life cycle (manufacture first, end of life last), for ordering results.</summary>
    public static int LifeCycleOrder(string kind) =>
        kind == HardwareManufacture ? -1 : All.ToList().IndexOf(kind) is var i && i >= 0 ? i : All.Count;
}
