using EmergencyOps.Benchmarks;

// Benchmarks against a running system (./run.sh --configuration Release); speed is reported as
// gateway/direct ratios within one run, never asserted.
// Usage: dotnet run -c Release --project tests/EmergencyOps.Benchmarks -- [stock|feed] [options]
//   stock [gateway-url] [inventory-url] [requests] [concurrency]   (the default when the first argument is not a name)
//   feed  [gateway-url] [warnings-url] [subscribers, e.g. 100,1000] [warnings]
return args.FirstOrDefault() switch
{
    "feed" => await FeedLatencyBenchmark.RunAsync(args[1..]),
    "stock" => await StockChangeBenchmark.RunAsync(args[1..]),
    "-h" or "--help" => Usage(),
    _ => await StockChangeBenchmark.RunAsync(args),
};

static int Usage()
{
    Console.WriteLine("""
        Usage: dotnet run -c Release --project tests/EmergencyOps.Benchmarks -- [stock|feed] [options]
          stock [gateway-url] [inventory-url] [requests] [concurrency]
                accepted stock changes per second (default http://localhost:5080 http://127.0.0.1:5083 2000 16)
          feed  [gateway-url] [warnings-url] [subscribers] [warnings]
                warning-to-SSE-subscriber latency (default http://localhost:5080 http://127.0.0.1:5082 100,1000 20)
        Without a name the arguments are those of 'stock'.
        """);
    return 0;
}
