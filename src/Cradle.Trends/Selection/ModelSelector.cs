using Cradle.Catalog;
using Cradle.Catalog.Model;
using Cradle.Trends.Epoch;

namespace Cradle.Trends.Selection;

/// <summary>
/// Sorts the rows of the Epoch table into assessable models and skipped rows with reasons. A row is assessable when it
/// names one catalog accelerator, a quantity, a training time and a publication date, and a power is known (the
/// device's rated power or Epoch's power draw).
/// </summary>
public sealed class ModelSelector(ReferenceCatalog catalog)
{
    private static readonly string[] AcceleratorKind = [CatalogKinds.Accelerator];
    private readonly CountryRule _countries = new(catalog);

    /// <summary>Sorts <paramref name="rows"/>; every row ends in exactly one of the two lists.</summary>
    public ModelSelection Select(IEnumerable<EpochRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var assessable = new List<AssessableModel>();
        var skipped = new List<SkippedModel>();
        foreach (var row in rows)
        {
            var reasons = new List<SkipReason>();
            var device = Device(row, reasons);
            if (row.HardwareQuantity is not > 0)
            {
                reasons.Add(new(SkipCodes.NoQuantity, row.HardwareQuantity is null ? "no hardware quantity" : $"hardware quantity {row.HardwareQuantity} is not positive"));
            }
            if (row.TrainingTimeHours is not > 0)
            {
                reasons.Add(new(SkipCodes.NoTrainingTime, row.TrainingTimeHours is null ? "no training time" : $"training time {row.TrainingTimeHours} h is not positive"));
            }
            if (row.PublicationDate is null)
            {
                reasons.Add(new(SkipCodes.NoDate, "no publication date"));
            }
            if (device is not null && device.Figure("power") is null && row.TrainingPowerDrawWatts is not > 0)
            {
                reasons.Add(new(SkipCodes.NoPower, $"the catalog has no power for {device.Id} and Epoch gives no power draw"));
            }
            if (reasons.Count > 0)
            {
                skipped.Add(new SkippedModel(row, reasons));
                continue;
            }
            var note = AliasIndex.Normalise(row.TrainingHardware!) == AliasIndex.Normalise(device!.Name)
                ? null : $"'{row.TrainingHardware}' read as {device.Name}";
            assessable.Add(new AssessableModel(row, device, row.HardwareQuantity!.Value, row.TrainingTimeHours!.Value,
                row.PublicationDate!.Value, _countries.Locate(row.Countries), note));
        }
        return new ModelSelection(assessable, skipped);
    }

    private CatalogEntry? Device(EpochRow row, List<SkipReason> reasons)
    {
        if (row.TrainingHardware is null)
        {
            reasons.Add(new(SkipCodes.NoHardware, "no training hardware"));
            return null;
        }
        var names = row.TrainingHardware.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length > 1)
        {
            reasons.Add(new(SkipCodes.SeveralDevices,
                $"several devices ({string.Join("; ", names)}) share one quantity, which cannot be split among them"));
            return null;
        }
        if (catalog.Find(names[0], AcceleratorKind) is { } device)
        {
            return device;
        }
        reasons.Add(new(SkipCodes.UnknownDevice,
            $"'{names[0]}' is not a catalog accelerator; closest: {string.Join(", ", catalog.Suggest(names[0], AcceleratorKind))}"));
        return null;
    }
}
