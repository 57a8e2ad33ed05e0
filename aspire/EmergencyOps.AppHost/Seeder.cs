using System.Text.Json;

namespace EmergencyOps.AppHost;

/// <summary>
/// Sends every Seed/NAME/*.json file, in file-name order, to the gateway. A failing request is
/// reported and seeding goes on, so one bad row never hides the rest.
/// </summary>
internal static class Seeder
{
    private const int MaxBodyShown = 2000;

    public static async Task RunAsync(HostContext host, string name, Uri gateway, CancellationToken ct)
    {
        var folder = new[]
        {
            // The source folder first: a file dropped in shows up without rebuilding the AppHost.
            Path.Combine(host.RepoRoot, "aspire", "EmergencyOps.AppHost", "Seed", name),
            Path.Combine(AppContext.BaseDirectory, "Seed", name),
        }.FirstOrDefault(Directory.Exists);
        var files = folder is null ? [] : Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
        {
            Log.Info($"seed: there is no {name} data yet (add JSON files to aspire/EmergencyOps.AppHost/Seed/{name}/)");
            return;
        }

        using var http = Probes.CreateHttpClient(TimeSpan.FromSeconds(60));
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        int total = 0, succeeded = 0;
        foreach (var file in files)
        {
            if (Read(file) is not { } requests)
            {
                continue;
            }

            var ok = 0;
            foreach (var request in requests)
            {
                ok += await SendAsync(http, request, gateway, values, ct) ? 1 : 0;
            }

            Log.Info($"seed: {Path.GetFileName(file)}: {ok} of {requests.Count} requests succeeded");
            total += requests.Count;
            succeeded += ok;
        }

        Log.Info($"seed: {name} done, {succeeded} of {total} requests succeeded");
    }

    private static List<SeedRequest>? Read(string file)
    {
        try
        {
            var requests = JsonSerializer.Deserialize<List<SeedRequest?>>(File.ReadAllText(file), SeedRequest.FileFormat);
            return requests?.OfType<SeedRequest>().ToList() ?? [];
        }
        catch (JsonException e)
        {
            Log.Error($"seed: {Path.GetFileName(file)} is not a JSON array of requests ({e.Message}); skipped");
            return null;
        }
    }

    private static async Task<bool> SendAsync(
        HttpClient http, SeedRequest request, Uri gateway, Dictionary<string, string> values, CancellationToken ct)
    {
        var label = $"{(string.IsNullOrWhiteSpace(request.Method) ? "POST" : request.Method.Trim().ToUpperInvariant())} {request.Path}";
        try
        {
            using var message = request.ToHttp(gateway, values);
            using var response = await http.SendAsync(message, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                var shown = body.Length > MaxBodyShown ? body[..MaxBodyShown] + "…" : body;
                Log.Error($"seed: {label} → {(int)response.StatusCode} {response.ReasonPhrase}: {shown}");
                return false;
            }

            foreach (var problem in request.CaptureFrom(body, values))
            {
                Log.Error($"seed: {label}: {problem}");
            }

            return true;
        }
        catch (Exception e) when (e is FormatException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            Log.Error($"seed: {label} failed: {e.Message}");
            return false;
        }
    }
}
