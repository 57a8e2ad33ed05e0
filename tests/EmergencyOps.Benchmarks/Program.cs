using System.Runtime.InteropServices;
using EmergencyOps.Benchmarks;

// The benchmark suite: starts its own system under the AppHost (one replica of each service, its own broker, cache,
// data folder and ports), measures every figure beside its baseline in the same run, rounds in ABBA order, and writes
// artifacts/benchmarks/<date>.json and .md with PNG charts. Speed is reported, never asserted.
if (args.Contains("-h") || args.Contains("--help"))
{
    Console.WriteLine("""
        Usage: dotnet run -c Release --project tests/EmergencyOps.Benchmarks -- [--quick] [--only NAME,...] [--out DIR] [--feed N,...]
          --quick      short rounds (2 s instead of 5 s) and at most 1,000 feed subscribers (unless --feed says): a check that everything runs
          --only       run only these benchmarks (names below), e.g. --only gateway-read,stock-changes
          --out        where the report goes (default: artifacts/benchmarks under the repository root)
          --feed       the feed's subscriber counts (default 100,1000,5000; quick 100,1000), e.g. --only feed --feed 5000
        Benchmarks, in the order they run:
        """ + string.Concat(Suite.All.Select(b => $"\n  {b.Name,-18} {b.Title}")));
    return 0;
}
var options = Suite.ParseOptions(args);
using var stop = new CancellationTokenSource();
// Ctrl+C and SIGTERM cancel the run instead of ending the process, so the system is stopped and nothing is left running.
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
try
{
    return await Suite.RunAsync(options, stop.Token);
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine("cancelled; the system was stopped");
    return 130;
}

void Cancel(PosixSignalContext context)
{
    context.Cancel = true;
    Console.Error.WriteLine("stopping…");
    stop.Cancel();
}
