using EmergencyOps.AppHost;

try
{
    var options = AppHostOptions.Parse(args);
    if (options.Help)
    {
        Console.WriteLine(AppHostOptions.Usage);
        return 0;
    }

    var solution = RepoLocator.FindSolution();
    if (solution is null)
    {
        Log.Error($"cannot find EmergencyOps.sln above {AppContext.BaseDirectory} or {Directory.GetCurrentDirectory()}; run from the repository");
        return 1;
    }

    var repoRoot = Path.GetDirectoryName(solution)!;
    var fromEnvironment = Environment.GetEnvironmentVariable("EMERGENCYOPS_DATA_DIR");
    var dataDir = Path.GetFullPath(
        options.DataDir ?? (string.IsNullOrWhiteSpace(fromEnvironment) ? Path.Combine(repoRoot, "data") : fromEnvironment));
    Directory.CreateDirectory(dataDir);

    using var shutdown = new ShutdownSignal();
    await using var orchestrator = new Orchestrator(new HostContext(options, repoRoot, solution, dataDir));
    return await orchestrator.RunAsync(shutdown.Token);
}
catch (UsageException e)
{
    Log.Error(e.Message);
    Console.Error.WriteLine("Run with --help to see the options.");
    return 2;
}
catch (Exception e) when (e is not OutOfMemoryException)
{
    // Children are already stopped by the orchestrator's disposal; report instead of a crash dump.
    Log.Error($"unexpected failure: {e}");
    return 1;
}
