namespace Cradle.Core.Model;

/// <summary>
/// An activity that makes one unit of its reference product from <see cref="Inputs"/> while exchanging
/// <see cref="Flows"/> with nature. <see cref="Stage"/> is the life-cycle stage its contributions count toward
/// (the engine treats it as a label; the study compiler uses the ML stages).
/// </summary>
/// <param name="Id">Unique id.</param>
/// <param name="Name">Human name.</param>
/// <param name="ReferenceProductId">The product this process provides; each product has exactly one provider.</param>
/// <param name="Stage">The life-cycle stage label, e.g. "pre-training" or "hardware manufacture".</param>
/// <param name="Inputs">Technosphere inputs per unit of reference product.</param>
/// <param name="Flows">Elementary flows per unit of reference product.</param>
public sealed record Process(
    string Id,
    string Name,
    string ReferenceProductId,
    string Stage,
    IReadOnlyList<TechnosphereInput> Inputs,
    IReadOnlyList<BiosphereExchange> Flows);
