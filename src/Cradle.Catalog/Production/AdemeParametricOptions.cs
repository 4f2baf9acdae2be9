namespace Cradle.Catalog.Production;

/// <summary>How die manufacturing losses are modelled (GPU-PRODUCTION.md A3.3).</summary>
internal enum DieLossModel
{
    /// <summary>Murphy yield: the basis on which the GPU-die factors were derived (A3.5 item 3).</summary>
    Murphy,

    /// <summary>Circular-wafer model: what the live calculator and Boavizta apply.</summary>
    CircularWafer,
}

/// <summary>Which VRAM die area the per-mm² memory factor multiplies (GPU-PRODUCTION.md A3.5 item 2).</summary>
internal enum MemoryAreaBasis
{
    /// <summary>The effective area of every die.</summary>
    AllDies,

    /// <summary>The effective area of one die (how Table 2's 0.184 kg/mm² behaves).</summary>
    OneDie,

    /// <summary>The live calculator: one die when the die area is published, every die when it is not.</summary>
    Calculator,
}

/// <summary>One configuration of the ADEME / Hubblo parametric model.</summary>
/// <param name="Name">Estimator name.</param>
/// <param name="FactorSet">"calculator" (average_model.json) or "table2" (the CSV's Average row).</param>
/// <param name="Loss">Loss model for the GPU and VRAM dies.</param>
/// <param name="Memory">VRAM area basis.</param>
/// <param name="BoatKm">Distribution by boat, km.</param>
/// <param name="TruckKm">Distribution by truck, km.</param>
/// <param name="PlaneKm">Distribution by plane, km.</param>
/// <param name="Description">One line for listings.</param>
internal sealed record AdemeParametricOptions(
    string Name, string FactorSet, DieLossModel Loss, MemoryAreaBasis Memory, double BoatKm, double TruckKm, double PlaneKm, string Description);
