using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using EmergencyOps.ServiceDefaults;
using EmergencyOps.Testing;

namespace EmergencyOps.AppHost.Tests;

/// <summary>The system as the AppHost runs it: every resource healthy, replicas behind the gateway, events across services.</summary>
[Collection(RunningSystem.Name)]
public sealed class SystemTests(SystemFixture system)
{
    [Fact]
    public async Task Every_resource_reaches_healthy_and_the_gateway_reports_every_service_ready()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        foreach (var resource in SystemFixture.Resources)
        {
            var healthy = await system.App.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
            Assert.Equal("Running", healthy.Snapshot.State?.Text);
        }

        using var ready = await system.Gateway.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var entries = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("entries");
        Assert.All(SystemFixture.Services, s => Assert.Equal("Healthy", entries.GetProperty(s).GetProperty("status").GetString()));
        Assert.All(SystemFixture.Services, s => Assert.True(File.Exists(Path.Combine(system.DataDirectory, s + ".db")), $"{s}.db in the data folder"));
        Assert.True(Directory.Exists(Path.Combine(system.DataDirectory, "rabbitmq", "mnesia")), "the broker's node data in the data folder");
    }

    [Fact]
    public async Task The_gateway_spreads_requests_over_both_replicas()
    {
        using var client = await system.AsAsync("regulator1", connectionPerRequest: true);
        var instances = new HashSet<string>();
        await Eventually.TrueAsync(async () =>
        {
            var info = await client.GetFromJsonAsync<ServiceInfo>(new Uri("/api/hazards/ping", UriKind.Relative));
            Assert.Equal("hazards", info!.Service);
            instances.Add(info.Instance);
            return instances.Count == SystemFixture.Replicas;
        }, "answers from both hazards replicas", TimeSpan.FromSeconds(60));
    }

    // Over RabbitMQ from the warnings service to the shelters service, and back when the warning ends.
    [Fact]
    public async Task An_orange_typhoon_warning_puts_a_suitable_shelter_on_standby_and_lifting_it_closes_the_shelter_again()
    {
        using var admin = await system.AsAsync("admin");
        using var gateway = await system.AsAsync("duty1");
        using var registered = await admin.PostAsJsonAsync("/api/shelters", new
        {
            name = "崇明区体育馆避难场所", kind = "indoor", grade = "fixed", districtCode = "310151", address = "上海市崇明区城桥镇鼓浪屿路1号",
            latitude = 31.6236, longitude = 121.3975, usableArea = 4200.0, capacity = 1500, facilities = new[] { "water", "power", "toilets" },
            suitableHazards = new[] { "typhoon", "rainstorm" }, unsuitableHazards = Array.Empty<string>(), manager = "陆志明", contact = "021-59620000",
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var shelterId = JsonDocument.Parse(await registered.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        Assert.Equal("closed", await ShelterStatusAsync(shelterId));

        using var issued = await gateway.PostAsJsonAsync("/api/warnings", new
        {
            type = "typhoon", level = "orange", area = new { districtCodes = new[] { "310151" } },
            headline = "崇明区台风橙色预警", description = "受台风影响，预计未来24小时崇明区将出现10级以上大风。",
            instruction = "停止户外作业，转移危险区域人员。",
        });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var warningId = JsonDocument.Parse(await issued.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        await Eventually.TrueAsync(async () => await ShelterStatusAsync(shelterId) == "standby", "the shelter on standby", TimeSpan.FromSeconds(60));

        using (var lifted = await gateway.PostAsJsonAsync($"/api/warnings/{warningId}/lift", new { reason = "台风已远离本市。" }))
        {
            Assert.Equal(HttpStatusCode.OK, lifted.StatusCode);
        }
        await Eventually.TrueAsync(async () => await ShelterStatusAsync(shelterId) == "closed", "the shelter closed again", TimeSpan.FromSeconds(60));
        var log = JsonDocument.Parse(await gateway.GetStringAsync(new Uri($"/api/shelters/{shelterId}/log", UriKind.Relative))).RootElement;
        Assert.Contains(log.GetProperty("data").EnumerateArray(), e => e.GetRawText().Contains(warningId.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_dashboard_command_loads_the_demo_data_through_the_gateway()
    {
        var result = await system.App.ResourceCommands.ExecuteCommandAsync("gateway", "load-demo-data");

        Assert.True(result.Success, result.Message);
        using var admin = await system.AsAsync("admin");
        var enterprises = JsonDocument.Parse(await admin.GetStringAsync(new Uri("/api/hazards/enterprises?pageSize=100", UriKind.Relative))).RootElement;
        Assert.True(enterprises.GetProperty("count").GetInt64() >= 10, enterprises.GetRawText());
        var warehouses = JsonDocument.Parse(await admin.GetStringAsync(new Uri("/api/inventory/warehouses", UriKind.Relative))).RootElement;
        Assert.NotEqual(0, warehouses.GetArrayLength());

        // Dual prevention: a red enterprise at the top of its district's ranking, its major danger on the supervision list, and the
        // operations centre offered a warning for it, which only the event over RabbitMQ can have told the warnings service.
        const string Red = "上海化学工业区氯碱化工有限公司";
        using var regulator = await system.AsAsync("regulator1");
        var ranking = JsonDocument.Parse(await regulator.GetStringAsync(new Uri("/api/hazards/risk-ranking?district=310116", UriKind.Relative))).RootElement;
        var top = ranking.GetProperty("data")[0];
        Assert.Equal((Red, "red"), (top.GetProperty("enterpriseName").GetString(), top.GetProperty("level").GetString()));
        var supervised = await regulator.GetStringAsync(new Uri("/api/hazards/hidden-dangers/supervised", UriKind.Relative));
        Assert.Contains("液氯储罐区紧急切断阀未投用", supervised, StringComparison.Ordinal);
        using var duty = await system.AsAsync("duty1");
        await Eventually.TrueAsync(async () => JsonDocument.Parse(await duty.GetStringAsync(new Uri("/api/warnings/suggestions", UriKind.Relative))).RootElement
            .EnumerateArray().Any(s => s.GetProperty("level").GetString() == "red" && s.GetProperty("reason").GetString()!.Contains(Red, StringComparison.Ordinal)),
            "a red warning suggested for the red enterprise", TimeSpan.FromSeconds(60));
    }

    // The services share the machine's cores: one GC heap each that compacts when fragmented, no instrumented third copy of
    // hot code, and glibc's malloc arenas bounded (README, Configuration).
    [Fact]
    public void Every_running_service_process_has_the_workstation_gc_conserving_memory_no_tiered_pgo_and_at_most_two_malloc_arenas()
    {
        string[] programs = ["EmergencyOps.Gateway", "Identity.API", "OperationsConsole", "Hazards.API", "Warnings.API", "Inventory.API", "Shelters.API", "Webhooks.API"];
        // This system's processes only (a stopping system's may still be listed).
        var processes = ProcessTree.StartedBy(Environment.ProcessId)
            .Select(pid => (Program: ProcessTree.Program(pid), Environment: ProcessTree.Environment(pid)))
            .Where(p => programs.Contains(Path.GetFileName(p.Program)) && p.Environment.Contains($"{ProcessTree.SystemMarker}={system.DataDirectory}"))
            .ToList();

        var counts = processes.GroupBy(p => Path.GetFileName(p.Program)).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(programs, p => Assert.True(counts.GetValueOrDefault(p) >= (p is "EmergencyOps.Gateway" or "OperationsConsole" ? 1 : SystemFixture.Replicas),
            $"{p}: {counts.GetValueOrDefault(p)} process(es) of this system"));
        Assert.All(processes, p =>
        {
            using var runtime = JsonDocument.Parse(File.ReadAllText(p.Program + ".runtimeconfig.json"));
            var settings = runtime.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
            Assert.True(settings.TryGetProperty("System.GC.Server", out var server), p.Program);
            Assert.False(server.GetBoolean(), p.Program);
            Assert.True(settings.TryGetProperty("System.Runtime.TieredPGO", out var pgo), p.Program);
            Assert.False(pgo.GetBoolean(), p.Program);
            Assert.True(settings.TryGetProperty("System.GC.ConserveMemory", out var conserve), p.Program);
            Assert.Equal(5, conserve.GetInt32());
            Assert.DoesNotContain(p.Environment, v => v.StartsWith("DOTNET_gcServer=", StringComparison.Ordinal) || v.StartsWith("DOTNET_TieredPGO=", StringComparison.Ordinal)
                || v.StartsWith("DOTNET_GCConserveMemory=", StringComparison.Ordinal));
            Assert.Contains("MALLOC_ARENA_MAX=2", p.Environment);
        });
    }

    private async Task<string?> ShelterStatusAsync(Guid id)
    {
        using var duty = await system.AsAsync("duty1");
        return JsonDocument.Parse(await duty.GetStringAsync(new Uri($"/api/shelters/{id}", UriKind.Relative))).RootElement.GetProperty("status").GetString();
    }
}
