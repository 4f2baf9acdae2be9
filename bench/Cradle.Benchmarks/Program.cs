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
BenchmarkSwitcher.FromAssembly(typeof(Cradle.Benchmarks.EngineBenchmarks).Assembly).Run(args);
