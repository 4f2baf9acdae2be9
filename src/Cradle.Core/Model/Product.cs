using Cradle.Core.Units;

namespace Cradle.Core.Model;

/// <summary>
/// Anything a process makes: "kWh grid electricity (TX, Austin Energy)", "device-hour of H100 SXM",
/// "trained model", "served request". Amounts of it are counted in <paramref name="Unit"/>.
/// </summary>
/// <param name="Id">Unique id within the product system.</param>
/// <param name="Name">Human name.</param>
/// <param name="Unit">The reference unit the matrix counts this product in.</param>
public sealed record Product(string Id, string Name, Unit Unit);
