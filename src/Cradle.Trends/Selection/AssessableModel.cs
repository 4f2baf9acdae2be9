using Cradle.Catalog.Model;
using Cradle.Trends.Epoch;

namespace Cradle.Trends.Selection;

/// <summary>A row of the Epoch table with everything the assessment needs, checked.</summary>
/// <param name="Row">The row as read.</param>
/// <param name="Device">The catalog accelerator the hardware cell names.</param>
/// <param name="DeviceCount">Devices used, &gt; 0 (Epoch's "Hardware quantity").</param>
/// <param name="TrainingHours">Training time in hours, &gt; 0.</param>
/// <param name="PublicationDate">Publication date.</param>
/// <param name="Location">The grid used as the baseline location, and why.</param>
/// <param name="DeviceNote">How the hardware cell was resolved when it is a generic name (e.g. "NVIDIA A100" taken as the SXM4 40 GB module), else null.</param>
public sealed record AssessableModel(
    EpochRow Row, CatalogEntry Device, double DeviceCount, double TrainingHours, DateOnly PublicationDate, BaselineLocation Location,
    string? DeviceNote)
{
    /// <summary>The model's name.</summary>
    public string Name => Row.Model;

    /// <summary>The publication date as a fractional year: 2023-07-02 → 2023 + 182/365 ≈ 2023.499.</summary>
    public double Year => FractionalYear(PublicationDate);

    /// <summary>Year + (day of year − 1) ÷ days in that year.</summary>
    public static double FractionalYear(DateOnly date) =>
        date.Year + ((date.DayOfYear - 1) / (double)(DateTime.IsLeapYear(date.Year) ? 366 : 365));
}
