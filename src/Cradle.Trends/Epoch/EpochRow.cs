namespace Cradle.Trends.Epoch;

/// <summary>
/// One row of Epoch AI's "Notable AI Models" table, with the columns the trend study uses, as written (trimmed; null
/// when the cell is empty). Numbers are parsed; their meaning is checked later by <see cref="Selection.ModelSelector"/>.
/// </summary>
/// <param name="Line">The file line (1-based) the row starts on; quoted cells may span several lines.</param>
/// <param name="Model">The model's name.</param>
/// <param name="Organization">The organisation(s), as written.</param>
/// <param name="Countries">"Country (from Organization)", as written: one or more countries separated by commas, possibly "Multinational".</param>
/// <param name="PublicationDate">Publication date, or null when the cell is empty.</param>
/// <param name="TrainingHardware">"Training hardware", as written: one device or several separated by commas.</param>
/// <param name="HardwareQuantity">"Hardware quantity" (devices), or null.</param>
/// <param name="TrainingTimeHours">"Training time (hours)", or null.</param>
/// <param name="TrainingPowerDrawWatts">"Training power draw (W)": Epoch's modelled power of the whole cluster, server overhead and PUE included; or null.</param>
/// <param name="HardwareUtilization">"Hardware utilization": a compute (FLOP) utilisation, 0–1, not a power fraction; or null.</param>
/// <param name="TrainingComputeFlop">"Training compute (FLOP)", or null.</param>
/// <param name="FrontierModel">Whether Epoch marks the model as a frontier model.</param>
public sealed record EpochRow(
    int Line, string Model, string? Organization, string? Countries, DateOnly? PublicationDate, string? TrainingHardware,
    double? HardwareQuantity, double? TrainingTimeHours, double? TrainingPowerDrawWatts, double? HardwareUtilization,
    double? TrainingComputeFlop, bool FrontierModel);
