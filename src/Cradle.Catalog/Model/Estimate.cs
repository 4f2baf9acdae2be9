using Cradle.Core.Units;
using Cradle.Syntax;

namespace Cradle.Catalog.Model;

/// <summary>One source's value for a figure: what it says, who says it, for which year.</summary>
/// <param name="Value">The value with its unit.</param>
/// <param name="Source">Bibliography key.</param>
/// <param name="Year">The year the value refers to (or was published).</param>
/// <param name="Basis">For grid carbon intensity: "direct" or "life-cycle".</param>
/// <param name="Scope">E.g. "cradle-to-gate".</param>
/// <param name="Note">How the value was read or derived.</param>
/// <param name="Confidence">H, M or L.</param>
/// <param name="Location">Where it is written.</param>
public sealed record Estimate(
    Quantity Value, string Source, int Year, string? Basis, string? Scope, string? Note, string? Confidence, SourceLocation Location);
