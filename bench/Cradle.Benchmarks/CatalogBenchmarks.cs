using BenchmarkDotNet.Attributes;
using Cradle.Catalog;

namespace Cradle.Benchmarks;

/// <summary>
/// The catalog with a user's file on top (what `--catalog FILE` or a study's `catalog:` costs once the shipped YAML is
/// parsed: merge, aliases and the validation of every figure), and resolving a name as people write it. The first
/// parse of the shipped YAML is paid once per process and cached, so it is not what a repeated benchmark measures.
/// </summary>
[MemoryDiagnoser]
public class CatalogBenchmarks
{
    private readonly List<(string Name, string Text)> _userFile =
    [
        ("our-pue.yaml", """
            catalog: 1
            kind: datacentre
            entries:
              - id: aws-fleet
                name: AWS fleet (our audit)
                figures:
                  pue: {value: 1.3, source: amazon-sustainability, year: 2026, uncertainty: {distribution: normal, relative_sd: 0.05}}
            """),
    ];

    private readonly string _name = "NVIDIA A100 SXM4 80 GB";

    [GlobalSetup]
    public void Setup() => _ = CatalogLoader.Load(_userFile); // parses the shipped YAML once, as the first command does

    [Benchmark(Description = "shipped catalog + one user file: merge and validate")]
    public ReferenceCatalog LoadWithUserFile() => CatalogLoader.Load(_userFile);

    [Benchmark(Description = "resolve 'NVIDIA A100 SXM4 80 GB'")]
    public object? Resolve() => CatalogLoader.Shipped.Find(_name);
}
