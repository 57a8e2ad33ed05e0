using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EmergencyOps.ServiceDefaults;
using EmergencyOps.Testing;

namespace EmergencyOps.AppHost.Tests;

/// <summary>
/// Runs the AppHost as a user would, on ports of its own (so it starts its own RabbitMQ and Redis
/// rather than reusing the shared ones), and stops it with Ctrl-C.
/// </summary>
public sealed partial class AppHostTests
{
    private const int PortBase = 17080;
    private const int RabbitPort = 5697;
    private const int RedisPort = 6397;
    private static readonly string[] Areas = ["hazards", "warnings", "inventory", "shelters"];
    private static readonly string[] Pinged = ["hazards"];

    [Fact]
    public async Task Starts_the_whole_system_behind_the_gateway_and_stops_it_leaving_nothing_behind()
    {
        var root = SqlServerSchema.RepositoryRoot();
        var dataDir = Path.Combine(Path.GetTempPath(), "emergencyops-apphost-" + Guid.NewGuid().ToString("N"));
        var output = new StringBuilder();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var apphost = new Process { StartInfo = StartInfo(root, dataDir) };
        apphost.OutputDataReceived += (_, e) => OnLine(e.Data);
        apphost.ErrorDataReceived += (_, e) => OnLine(e.Data);
        apphost.Start();
        apphost.BeginOutputReadLine();
        apphost.BeginErrorReadLine();
        try
        {
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(150));
            var started = ProcessTree.Descendants(apphost.Id);
            Assert.True(started.Count >= 7, $"expected broker, cache, four services and the gateway; saw {started.Count} processes");

            using var gateway = new HttpClient { BaseAddress = new Uri($"http://localhost:{PortBase}") };
            using (var health = await gateway.GetAsync(new Uri("/health/ready", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.OK, health.StatusCode);
                var entries = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement.GetProperty("entries");
                Assert.All(Areas, area => Assert.Equal("Healthy", entries.GetProperty(area).GetProperty("status").GetString()));
            }
            foreach (var area in Pinged)
            {
                var info = await gateway.GetFromJsonAsync<ServiceInfo>(new Uri($"/api/{area}/ping", UriKind.Relative));
                Assert.Equal(area, info!.Service);
            }
            await AssertFeedThroughGatewayAsync(gateway);
            await AssertHazardFlowThroughGatewayAsync(gateway);
            using (var shelters = await gateway.GetAsync(new Uri("/api/shelters/availability", UriKind.Relative)))
            {
                Assert.Equal(16, JsonDocument.Parse(await shelters.Content.ReadAsStringAsync()).RootElement.GetArrayLength());
            }
            using (var materials = await gateway.GetAsync(new Uri("/api/inventory/materials", UriKind.Relative)))
            {
                Assert.Contains(JsonDocument.Parse(await materials.Content.ReadAsStringAsync()).RootElement.EnumerateArray(), m => m.GetProperty("code").GetString() == "FC-SANDBAG");
            }
            Assert.All(Areas, area => Assert.True(File.Exists(Path.Combine(dataDir, area + ".db")), $"{area}.db in the data folder"));
            Assert.True(ProcessTree.Listening(RabbitPort) && ProcessTree.Listening(RedisPort));

            Assert.Equal(0, ProcessTree.Kill(apphost.Id, ProcessTree.StopSignal(apphost.Id)));
            await apphost.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
            Assert.Equal(0, apphost.ExitCode);

            await Eventually.TrueAsync(() => !started.Any(ProcessTree.IsAlive), "every process the AppHost started to end");
            foreach (var port in new[] { PortBase, PortBase + 1, PortBase + 2, PortBase + 3, PortBase + 4, RabbitPort, RedisPort })
            {
                Assert.False(ProcessTree.Listening(port), $"port {port} still open after stop");
            }
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
            if (line.Contains($"EmergencyOps is ready: http://localhost:{PortBase}", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        }
    }

    private static ProcessStartInfo StartInfo(string root, string dataDir)
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(root, "aspire", "EmergencyOps.AppHost", "bin", configuration, "net10.0", "EmergencyOps.AppHost.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { dll, "--no-build", "--configuration", configuration, "--data-dir", dataDir,
                     "--port-base", $"{PortBase}", "--rabbitmq-port", $"{RabbitPort}", "--redis-port", $"{RedisPort}" })
        {
            info.ArgumentList.Add(arg);
        }
        return info;
    }
}
