using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Router.Bench -- --filter '*'   (add --job short for a quick run)
BenchmarkSwitcher.FromAssembly(typeof(Router.Bench.BenchmarkRequest).Assembly).Run(args);
