using BenchmarkDotNet.Running;

// Run all: dotnet run -c Release --project bench/Cradle.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Cradle.Benchmarks.EngineBenchmarks).Assembly).Run(args);
