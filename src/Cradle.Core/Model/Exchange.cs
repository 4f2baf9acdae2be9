namespace Cradle.Core.Model;

/// <summary>
/// An input of another product to a process, per one unit of the process's reference product.
/// <paramref name="Amount"/> is an expression over parameters whose dimension must be
/// (input product's unit) ÷ (reference product's unit), e.g. kWh/request.
/// </summary>
public sealed record TechnosphereInput(string ProductId, string Amount);

/// <summary>
/// An elementary flow emitted or drawn by a process, per one unit of its reference product;
/// <paramref name="Amount"/> has dimension (flow unit) ÷ (reference product unit).
/// </summary>
public sealed record BiosphereExchange(string FlowId, string Amount);
