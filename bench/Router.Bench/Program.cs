using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Router.Bench -- --filter '*'   (add --job short for a quick run)
// dotnet run -c Release --project bench/Router.Bench -- ledger-write  (the ledger's write cost, SQLite beside PostgreSQL)
if (args is ["ledger-write", ..])
{
    return await Router.Bench.LedgerWriteReplay.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Router.Bench.BenchmarkRequest).Assembly).Run(args);
return 0;
