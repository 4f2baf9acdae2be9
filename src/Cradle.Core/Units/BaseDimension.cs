namespace Cradle.Core.Units;

/// <summary>
/// The independent dimensions Cradle checks. Besides mass, length and time, the service counts that ML studies
/// multiply and divide (requests, tokens, images, floating-point operations) are dimensions of their own, so that
/// "energy per token × tokens per request" is checked to be an energy per request. The characterised
/// equivalents of impact assessment are dimensions too: adding kg CO2 eq to kg SO2 eq is an error.
/// </summary>
public enum BaseDimension
{
    /// <summary>Mass, coherent unit kg.</summary>
    Mass,
    /// <summary>Length, coherent unit m (volume is length³).</summary>
    Length,
    /// <summary>Time, coherent unit s.</summary>
    Time,
    /// <summary>Served requests (inferences), coherent unit request.</summary>
    Request,
    /// <summary>Tokens processed or generated, coherent unit token.</summary>
    Token,
    /// <summary>Floating-point operations, coherent unit FLOP.</summary>
    FloatingPointOperation,
    /// <summary>Climate change, coherent unit kg CO2 eq.</summary>
    CarbonDioxideEquivalent,
    /// <summary>Acidification, coherent unit kg SO2 eq.</summary>
    SulfurDioxideEquivalent,
    /// <summary>Eutrophication, coherent unit kg N eq.</summary>
    NitrogenEquivalent,
    /// <summary>Smog formation, coherent unit kg O3 eq.</summary>
    OzoneEquivalent,
    /// <summary>Ozone depletion, coherent unit kg CFC-11 eq.</summary>
    Cfc11Equivalent,
    /// <summary>Respiratory effects, coherent unit kg PM2.5 eq.</summary>
    Pm25Equivalent,
    /// <summary>Abiotic depletion of elements, coherent unit kg Sb eq.</summary>
    AntimonyEquivalent,
    /// <summary>
    /// Images processed or generated (classified, segmented, rendered), coherent unit image: a service count of its own,
    /// so a functional unit of images is never mistaken for one of requests or of trained models.
    /// </summary>
    Image,
}
