namespace Cradle.Studies.Compilation;

/// <summary>
/// Where one scope's energy sits in the product system, so that the energy drawn can be read from the solved system
/// (the scaling of these two processes) rather than re-derived from formulas.
/// </summary>
/// <param name="Convention">The convention the scope's energy was counted under.</param>
/// <param name="Stage">The scope's life-cycle stage kind (training, inference, …), as in the stage contributions.</param>
/// <param name="ItEnergyProduct">
/// The IT-energy product (and process); its scaling is the IT energy in kWh (a facility-boundary energy enters it
/// divided by the site's PUE).
/// </param>
/// <param name="ElectricityProduct">The grid-electricity product it draws; its scaling is in kWh.</param>
public sealed record EnergyChain(EnergyConvention Convention, string Stage, string ItEnergyProduct, string ElectricityProduct);
