namespace Cradle.Catalog.Production;

/// <summary>
/// Board parameters for an accelerator whose own were not published: those of the ADEME-measured card of the same
/// memory family and form factor, with the VRAM die count scaled to the capacity at the proxy's GB per die. Always
/// labelled (<see cref="BoardSpec.ProxyOf"/>). The board terms (casing, heatsink, PCB, transport, end of life) are
/// 10–25 % of a data-centre card's GWP but most of its ADPe (GPU-PRODUCTION.md A3.6).
/// </summary>
internal static class BoardProxies
{
    /// <summary>The proxy board for <paramref name="accelerator"/>, or null with <paramref name="reason"/>.</summary>
    public static BoardSpec? For(AdemeGpuData data, AcceleratorSpec accelerator, out string? reason)
    {
        var memoryType = accelerator.MemoryType ?? "";
        var formFactor = accelerator.FormFactor ?? "";
        var proxy = (memoryType, formFactor) switch
        {
            _ when memoryType.StartsWith("HBM", StringComparison.Ordinal) && (formFactor.StartsWith("SXM", StringComparison.Ordinal) ||
                formFactor.StartsWith("OAM", StringComparison.Ordinal) || formFactor.StartsWith("DGXS", StringComparison.Ordinal)) => "NVIDIA A100 SXM4 40GB",
            _ when memoryType.StartsWith("HBM", StringComparison.Ordinal) && formFactor.StartsWith("PCIe", StringComparison.Ordinal) => "NVIDIA A100 PCIe 40GB",
            _ when memoryType.StartsWith("GDDR", StringComparison.Ordinal) && formFactor.Contains("low profile", StringComparison.Ordinal) => "NVIDIA L4",
            _ when memoryType.StartsWith("GDDR", StringComparison.Ordinal) && formFactor.Contains("graphics card", StringComparison.Ordinal) => "NVIDIA GeForce GTX 1080 Ti",
            _ when memoryType.StartsWith("GDDR", StringComparison.Ordinal) && formFactor.StartsWith("PCIe", StringComparison.Ordinal) => "NVIDIA RTX A4500",
            _ => null,
        };
        if (proxy is null || data.Card(proxy) is not { } card)
        {
            reason = $"no board parameters for '{accelerator.Name}' and no ADEME card to borrow them from (memory type '{memoryType}', form factor '{formFactor}')";
            return null;
        }
        reason = null;
        var gbPerDie = card.MemoryGb / card.Board.MemoryDies;
        var dies = Math.Max(1, (int)Math.Ceiling((accelerator.MemoryGb ?? 0) / gbPerDie - 1e-9));
        return card.Board with { MemoryDies = dies, MemoryDieAreaMm2 = null, ProxyOf = card.Name };
    }
}
