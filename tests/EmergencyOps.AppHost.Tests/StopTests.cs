using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using EmergencyOps.Testing;

namespace EmergencyOps.AppHost.Tests;

/// <summary>
/// The AppHost as a user runs it, in a process of its own with the dashboard on, stopped by a signal:
/// everything it started ends within seconds, broker, epmd and cache included.
/// </summary>
public sealed partial class StopTests
{
    [Theory]
    [InlineData(ProcessTree.SigTerm)]
    [InlineData(ProcessTree.SigInt)]
    public async Task A_signal_stops_every_process_the_AppHost_started_within_seconds(int signal)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "emergencyops-stop-" + Guid.NewGuid().ToString("N"));
        var output = new StringBuilder();
        var ready = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var apphost = new Process { StartInfo = StartInfo(dataDirectory) };
        apphost.OutputDataReceived += (_, e) => OnLine(e.Data);
        apphost.ErrorDataReceived += (_, e) => OnLine(e.Data);
        apphost.Start();
        apphost.BeginOutputReadLine();
        apphost.BeginErrorReadLine();
        try
        {
            var gatewayUrl = await ready.Task.WaitAsync(TimeSpan.FromMinutes(4));
            using (var gateway = new HttpClient { BaseAddress = gatewayUrl })
            using (var health = await gateway.GetAsync(new Uri("/health/ready", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            }
            var started = ProcessTree.StartedBy(apphost.Id);
            var names = started.Select(ProcessTree.Name).ToList();
            foreach (var expected in new[] { "beam.smp", "epmd", "redis-server", "Hazards.API", "Warnings.API", "Inventory.API", "Shelters.API", "EmergencyOps.Ga", "dcp" })
            {
                Assert.Contains(expected, names);
            }
            Assert.Contains(output.ToString().Split('\n'), l => l.Contains("Login to the dashboard at", StringComparison.Ordinal));

            var stopping = Stopwatch.StartNew();
            Assert.Equal(0, ProcessTree.Kill(apphost.Id, signal));
            await apphost.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            await Eventually.TrueAsync(() => !started.Any(ProcessTree.IsAlive),
                "every process the AppHost started to end", TimeSpan.FromSeconds(30));
            Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(45), $"stopped in {stopping.Elapsed.TotalSeconds:0} s");
            Assert.False(Listening(gatewayUrl.Port), "the gateway's port is closed");
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException($"AppHost run failed; its output:\n{output}", ex);
        }
        finally
        {
            if (!apphost.HasExited)
            {
                apphost.Kill(entireProcessTree: true);
            }
        }

        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (output)
            {
                output.AppendLine(line);
            }
            if (ReadyLine().Match(line) is { Success: true } match)
            {
                ready.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }
    }

    [GeneratedRegex(@"EmergencyOps is ready: (http://\S+)")]
    private static partial Regex ReadyLine();

    // The build the test project references, run as `dotnet run` would, on ports of its own.
    private static ProcessStartInfo StartInfo(string dataDirectory)
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var root = Repository.Root();
        var dll = Path.Combine(root, "aspire", "EmergencyOps.AppHost", "bin", configuration, "net10.0", "EmergencyOps.AppHost.dll");
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { dll, "--data-dir", dataDirectory })
        {
            info.ArgumentList.Add(arg);
        }
        // What the AppHost's launch profile gives `dotnet run`, with free ports instead of the fixed ones.
        info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort()}";
        info.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://127.0.0.1:{FreePort()}";
        info.Environment["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://127.0.0.1:{FreePort()}";
        info.Environment["DcpPublisher__RandomizePorts"] = "true";
        return info;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
