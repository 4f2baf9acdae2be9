namespace Cradle.Catalog.Production;

/// <summary>
/// The board of a graphics card as the ADEME / Hubblo parametric model needs it (calculator parameters, GPU-PRODUCTION.md
/// A3.2). Masses in kg, areas as published (PCB in cm², VRAM die in mm² without losses).
/// </summary>
/// <param name="CardMassKg">Whole card or module, kg (&gt; 0).</param>
/// <param name="CasingMassKg">Casing (shroud, bracket), kg (≥ 0).</param>
/// <param name="HeatsinkMassKg">Heatsink, kg (≥ 0).</param>
/// <param name="PcbAreaCm2">Printed wiring board area, cm² (&gt; 0).</param>
/// <param name="MemoryDies">Number of VRAM packages (HBM stacks or GDDR chips), ≥ 1.</param>
/// <param name="MemoryDieAreaMm2">Area of one VRAM die, mm², when published; null: the model's 15.5 mm²/GB default.</param>
/// <param name="ProxyOf">Null when these are the accelerator's own parameters; otherwise the card they are borrowed from.</param>
public sealed record BoardSpec(
    double CardMassKg, double CasingMassKg, double HeatsinkMassKg, double PcbAreaCm2, int MemoryDies, double? MemoryDieAreaMm2, string? ProxyOf = null);
