using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using EmergencyOps.Identity.Client;
using EmergencyOps.Testing;

namespace EmergencyOps.AppHost.Tests;

/// <summary>
/// Every endpoint of every service × every role, through the gateway with real tokens from the real token endpoint:
/// anonymous → 401 (except the public few), a role without the endpoint's scope → 403, a role with it → neither.
/// </summary>
[Collection(RunningSystem.Name)]
public sealed class AccessMatrixTests(SystemFixture system)
{
    private static readonly string[] Documents = ["hazards", "warnings", "inventory", "shelters", "webhooks", "identity"];

    [Fact]
    public async Task Each_identitys_token_carries_exactly_the_scopes_of_its_role()
    {
        foreach (var (identity, scopes) in AccessMatrix.ScopesOf)
        {
            var token = await system.Tokens.GetAsync(identity);
            var granted = Jwt.Values(Jwt.Payload(token), "scope").Where(s => s.Contains(':', StringComparison.Ordinal));
            Assert.True(scopes.Order().SequenceEqual(granted.Order()), $"{identity}: {string.Join(' ', granted.Order())}");
        }
    }

    [Fact]
    public async Task Every_endpoint_answers_each_role_as_its_scope_says_and_only_the_public_ones_answer_without_a_token()
    {
        var operations = await OperationsAsync();
        Assert.True(operations.Count > 80, $"only {operations.Count} operations documented");
        Assert.Equal(AccessMatrix.Public.Order(), operations.Where(o => o.Scopes is null).Select(o => o.Key).Order());

        var failures = new List<string>();
        using var anonymous = system.ConnectionPerRequest("gateway");
        foreach (var operation in operations)
        {
            var status = await SendAsync(anonymous, operation);
            if (operation.Scopes is null ? status is 401 or 403 : status != 401)
            {
                failures.Add($"anonymous {operation.Key} → {status}");
            }
        }
        foreach (var (identity, scopes) in AccessMatrix.ScopesOf)
        {
            using var client = await system.AsAsync(identity);
            foreach (var operation in operations.Where(o => o.Scopes is not null))
            {
                // Several security requirements are alternatives: any one held lets the caller in.
                var allowed = operation.Scopes!.Any(alternative => alternative.All(scopes.Contains));
                var (status, title) = await SendWithTitleAsync(client, operation);
                // A role allowed by scope may still be refused by its binding (another warehouse's ledger, say): that 403 names it.
                var ok = allowed ? status is not (401 or 403) || (status == 403 && title.StartsWith("Not your", StringComparison.Ordinal)) : status == 403;
                if (!ok)
                {
                    failures.Add($"{identity} {operation.Key} → {status} {title} (expected {(allowed ? "allowed" : "403")})");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private sealed record Operation(string Method, string Path, IReadOnlyList<IReadOnlyList<string>>? Scopes, bool HasBody)
    {
        public string Key => $"{Method} {Path}";
    }

    private async Task<List<Operation>> OperationsAsync()
    {
        using var anonymous = system.ConnectionPerRequest("gateway");
        var operations = new List<Operation>();
        foreach (var service in Documents)
        {
            using var document = JsonDocument.Parse(await anonymous.GetStringAsync(new Uri($"/openapi/{service}/v1.json", UriKind.Relative)));
            foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
            {
                foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete"))
                {
                    var security = operation.Value.GetProperty("security").EnumerateArray().ToList();
                    IReadOnlyList<IReadOnlyList<string>>? scopes = security.Count == 0 ? null
                        : [.. security.Select(r => (IReadOnlyList<string>)[.. r.EnumerateObject().Single().Value.EnumerateArray().Select(s => s.GetString()!)])];
                    operations.Add(new Operation(operation.Name.ToUpperInvariant(), path.Name, scopes, operation.Value.TryGetProperty("requestBody", out _)));
                }
            }
        }
        return operations;
    }

    private static async Task<int> SendAsync(HttpClient client, Operation operation) => (await SendWithTitleAsync(client, operation)).Status;

    private static async Task<(int Status, string Title)> SendWithTitleAsync(HttpClient client, Operation operation)
    {
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), Fill(operation.Path));
        if (operation.HasBody)
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        // Live feeds answer with headers first and then stream: the status is all this test needs.
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var title = "";
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            title = problem.TryGetProperty("title", out var t) ? t.GetString() ?? "" : "";
        }
        return ((int)response.StatusCode, title);
    }

    // Parameters get values of the right shape that name nothing: the answer is about access, not data.
    private static string Fill(string path) => System.Text.RegularExpressions.Regex.Replace(path, "{([^}]+)}", m => m.Groups[1].Value switch
    {
        "version" or "n" => "1",
        "indicator" => "rainfall-1h",
        "code" or "materialCode" => "NOSUCHCODE",
        "clientId" => "no-such-client",
        "userName" => "no-such-person",
        _ => Guid.NewGuid().ToString(),
    });
}
