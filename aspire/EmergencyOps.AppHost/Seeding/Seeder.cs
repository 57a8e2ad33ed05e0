using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace EmergencyOps.AppHost.Seeding;

/// <summary>How a seed went: requests sent and how many succeeded.</summary>
internal sealed record SeedOutcome(int Total, int Succeeded)
{
    public int Failed => Total - Succeeded;
}

/// <summary>
/// Sends every Seed/NAME/*.json file, in file-name order, to the gateway. A failing request is
/// reported and seeding goes on, so one bad row never hides the rest.
/// </summary>
internal static partial class Seeder
{
    private const int MaxBodyShown = 2000;

    public static async Task<SeedOutcome> RunAsync(
        string appHostDirectory, string name, Uri gateway, LocalIdentities identities, ILogger logger, CancellationToken ct)
    {
        var folder = new[]
        {
            // The source folder first: a file dropped in shows up without rebuilding the AppHost.
            Path.Combine(appHostDirectory, "Seed", name),
            Path.Combine(AppContext.BaseDirectory, "Seed", name),
        }.FirstOrDefault(Directory.Exists);
        var files = folder is null ? [] : Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
        {
            LogNoData(logger, name);
            return new SeedOutcome(0, 0);
        }

        // Loopback only: a proxy from the environment must never see these requests.
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(60) };
        using var tokens = new TokenSource(gateway, identities.ClientSecrets, identities.Passwords);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        int total = 0, succeeded = 0;
        foreach (var file in files)
        {
            if (Read(file, logger) is not { } requests)
            {
                continue;
            }
            var ok = 0;
            foreach (var request in requests)
            {
                ok += await SendAsync(http, tokens, request, gateway, values, logger, ct) ? 1 : 0;
            }
            var fileName = Path.GetFileName(file);
            LogFile(logger, fileName, ok, requests.Count);
            total += requests.Count;
            succeeded += ok;
        }
        LogDone(logger, name, succeeded, total);
        return new SeedOutcome(total, succeeded);
    }

    private static List<SeedRequest>? Read(string file, ILogger logger)
    {
        try
        {
            var requests = JsonSerializer.Deserialize<List<SeedRequest?>>(File.ReadAllText(file), SeedRequest.FileFormat);
            return requests?.OfType<SeedRequest>().ToList() ?? [];
        }
        catch (JsonException e)
        {
            LogUnreadable(logger, Path.GetFileName(file), e.Message);
            return null;
        }
    }

    private static async Task<bool> SendAsync(
        HttpClient http, TokenSource tokens, SeedRequest request, Uri gateway, Dictionary<string, string> values, ILogger logger, CancellationToken ct)
    {
        var label = $"{request.HttpMethod} {request.Path}";
        try
        {
            using var message = request.ToHttp(gateway, values);
            message.Headers.Authorization = TokenSource.Bearer(await tokens.GetAsync(request.As ?? SeedRequest.DefaultIdentity, ct: ct));
            using var response = await http.SendAsync(message, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                LogRefused(logger, label, (int)response.StatusCode, body.Length > MaxBodyShown ? body[..MaxBodyShown] + "…" : body);
                return false;
            }
            foreach (var problem in request.CaptureFrom(body, values))
            {
                LogCaptureFailed(logger, label, problem);
            }
            return true;
        }
        catch (Exception e) when (e is FormatException or HttpRequestException or TokenRefusedException or InvalidOperationException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            LogFailed(logger, label, e.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seed: there is no {Name} data (add JSON files to aspire/EmergencyOps.AppHost/Seed/{Name}/)")]
    private static partial void LogNoData(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seed: {File}: {Succeeded} of {Total} requests succeeded")]
    private static partial void LogFile(ILogger logger, string file, int succeeded, int total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seed: {Name} done, {Succeeded} of {Total} requests succeeded")]
    private static partial void LogDone(ILogger logger, string name, int succeeded, int total);

    [LoggerMessage(Level = LogLevel.Error, Message = "Seed: {File} is not a JSON array of requests ({Reason}); skipped")]
    private static partial void LogUnreadable(ILogger logger, string file, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Seed: {Request} → {Status}: {Body}")]
    private static partial void LogRefused(ILogger logger, string request, int status, string body);

    [LoggerMessage(Level = LogLevel.Error, Message = "Seed: {Request}: {Problem}")]
    private static partial void LogCaptureFailed(ILogger logger, string request, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Seed: {Request} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string request, string reason);
}
