namespace EmergencyOps.AppHost;

/// <summary>One build of the whole solution before anything starts, so every service runs current code.</summary>
internal static class SolutionBuilder
{
    public static async Task BuildAsync(HostContext host, CancellationToken ct)
    {
        var configuration = host.Options.Configuration;
        Log.Info($"building {Path.GetFileName(host.Solution)} ({configuration})");
        // nodeReuse:false so no MSBuild worker outlives the build we asked for.
        using var build = ChildProcess.Start(
            "build", Executables.Dotnet(),
            ["build", host.Solution, "-c", configuration, "--nologo", "-v", "q", "-nodeReuse:false"],
            host.RepoRoot);
        int code;
        try
        {
            code = await build.Exited.WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            await build.StopAsync(TimeSpan.FromSeconds(5));
            throw;
        }

        if (code != 0)
        {
            throw new StartupException($"the build failed (dotnet build exited with code {code}); fix the errors above, or run the last good build with --no-build");
        }

        Log.Info("build succeeded");
    }
}
