namespace Cradle.Trends.Selection;

/// <summary>Why a row of the Epoch table cannot be assessed: a stable code and a sentence for people.</summary>
/// <param name="Code">One of the constants of <see cref="SkipCodes"/>.</param>
/// <param name="Message">What is missing or wrong, with the closest catalog names for an unknown device.</param>
public sealed record SkipReason(string Code, string Message);

/// <summary>The codes of <see cref="SkipReason"/>.</summary>
public static class SkipCodes
{
    /// <summary>"Training hardware" is empty.</summary>
    public const string NoHardware = "no-hardware";
    /// <summary>"Hardware quantity" is empty, zero or negative.</summary>
    public const string NoQuantity = "no-quantity";
    /// <summary>"Training time (hours)" is empty, zero or negative.</summary>
    public const string NoTrainingTime = "no-training-time";
    /// <summary>"Publication date" is empty: the model has no place on the time axis.</summary>
    public const string NoDate = "no-date";
    /// <summary>The hardware cell names several devices and one quantity: the count cannot be split among them.</summary>
    public const string SeveralDevices = "several-devices";
    /// <summary>The device is not in the reference catalog (the message lists the closest names).</summary>
    public const string UnknownDevice = "unknown-device";
    /// <summary>Neither the catalog's device power nor Epoch's power draw is known.</summary>
    public const string NoPower = "no-power";
}
