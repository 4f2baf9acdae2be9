using BenchmarkDotNet.Attributes;
using Cradle.Catalog;

namespace Cradle.Benchmarks;

/// <summary>
/// Loading and validating the whole shipped catalog (what every `cradle` command pays once), and resolving a name as
/// people write it.
/// </summary>
[MemoryDiagnoser]
public class CatalogBenchmarks
{
    private readonly List<(string Name, string Text)> _noUserFiles = [];
    private readonly string _name = "NVIDIA A100 SXM4 80 GB";

    [Benchmark(Description = "load and validate the shipped catalog")]
    public ReferenceCatalog Load() => CatalogLoader.Load(_noUserFiles);

    [Benchmark(Description = "resolve 'NVIDIA A100 SXM4 80 GB'")]
    public object? Resolve() => CatalogLoader.Shipped.Find(_name);
}
