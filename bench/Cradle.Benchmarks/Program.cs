using BenchmarkDotNet.Running;

// Run all: dotnet run -c Release --project bench/Cradle.Benchmarks -- --filter '*'
// Write the many-stages study: dotnet run -c Release --project bench/Cradle.Benchmarks -- write-many-stages 1000 study.yaml
if (args is ["write-many-stages", var stages, var path])
{
    Cradle.Benchmarks.ManyStagesStudy.Write(int.Parse(stages, System.Globalization.CultureInfo.InvariantCulture), path);
    return;
}
// Write the sparse engine's system as Matrix Market for scripts/scipy-sparse-solve.py:
//   dotnet run -c Release --project bench/Cradle.Benchmarks -- write-matrix-market 20000 16 a.mtx
if (args is ["write-matrix-market", var processes, var seed, var matrixPath])
{
    Cradle.Benchmarks.MatrixMarket.WriteTechnosphere(
        int.Parse(processes, System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(seed, System.Globalization.CultureInfo.InvariantCulture),
        matrixPath);
    return;
}
// Write the same system as an openLCA 2 JSON-LD package folder (whole-process timings of cradle scores and linked studies):
//   dotnet run -c Release --project bench/Cradle.Benchmarks -- write-openlca-package 20000 16 /tmp/synthetic-20k
if (args is ["write-openlca-package", var size, var packageSeed, var folder])
{
    Cradle.Benchmarks.SyntheticOpenLcaPackage.Write(
        int.Parse(size, System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(packageSeed, System.Globalization.CultureInfo.InvariantCulture),
        folder);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Cradle.Benchmarks.EngineBenchmarks).Assembly).Run(args);
