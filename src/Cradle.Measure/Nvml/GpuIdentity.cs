namespace Cradle.Measure.Nvml;

/// <summary>One GPU as NVML enumerates it.</summary>
/// <param name="Index">NVML index (PCI bus order).</param>
/// <param name="Uuid">NVML UUID, e.g. <c>GPU-8f0c1d2e-…</c>; empty when unreadable.</param>
/// <param name="Name">Product name, e.g. <c>NVIDIA H100 80GB HBM3</c>.</param>
public sealed record GpuIdentity(uint Index, string Uuid, string Name);
