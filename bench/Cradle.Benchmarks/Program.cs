using BenchmarkDotNet.Running;

// Run all: dotnet run -c Release --project bench/Cradle.Benchmarks -- --filter '*'
// Write the many-stages study: dotnet run -c Release --project bench/Cradle.Benchmarks -- write-many-stages 1000 study.yaml
if (args is ["write-many-stages", var stages, var path])
{
    Cradle.Benchmarks.ManyStagesStudy.Write(int.Parse(stages, System.Globalization.CultureInfo.InvariantCulture), path);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Cradle.Benchmarks.EngineBenchmarks).Assembly).Run(args);
