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
public sealed class AppHostTests
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

    // The live feed through the gateway: an issued warning arrives; after a reconnect with Last-Event-ID the
    // missed update arrives once, and nothing is replayed twice.
    private static async Task AssertFeedThroughGatewayAsync(HttpClient gateway)
    {
        const string feedUrl = "/api/warnings/feed?district=310118";
        var warning = new
        {
            type = "rainstorm", level = "blue", area = new { districtCodes = new[] { "310118" } },
            headline = "青浦区暴雨蓝色预警", description = "预计未来12小时青浦区累计降水量将达50毫米以上。",
        };
        string lastId;
        Guid id;
        await using (var feed = await SseClient.ConnectAsync(gateway, feedUrl))
        {
            Assert.Equal("text/event-stream", feed.Response.Content.Headers.ContentType?.MediaType);
            using var issued = await gateway.PostAsJsonAsync("/api/warnings", warning);
            Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
            id = JsonDocument.Parse(await issued.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
            var first = await feed.NextAsync();
            Assert.Equal(("warning.issued", id), (first.Event, JsonDocument.Parse(first.Data).RootElement.GetProperty("warningId").GetGuid()));
            lastId = first.Id!;
        }
        using (var update = await gateway.PostAsJsonAsync($"/api/warnings/{id}/updates", new { level = "yellow" }))
        {
            Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        }
        await using var resumed = await SseClient.ConnectAsync(gateway, feedUrl, lastId);
        var missed = await resumed.NextAsync();
        Assert.Equal(("warning.updated", 2), (missed.Event, JsonDocument.Parse(missed.Data).RootElement.GetProperty("version").GetInt32()));
        Assert.True(await resumed.NothingMoreAsync(TimeSpan.FromSeconds(1)), "nothing replayed twice");
        using var cap = await gateway.GetAsync(new Uri($"/api/warnings/{id}/cap", UriKind.Relative));
        Assert.Equal("application/cap+xml", cap.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"http://localhost:{PortBase}/api/warnings/{id}", await cap.Content.ReadAsStringAsync(), StringComparison.Ordinal);
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
