using System.Net;
using System.Net.Http.Json;
using EmergencyOps.Testing;
using Hazards.API.Model;
using static Hazards.API.Tests.CitizenTestData;
using static Hazards.API.Tests.HazardTestData;

namespace Hazards.API.Tests;

/// <summary>
/// A citizen's retried report is answered once; but citizens carry no token, so an Idempotency-Key is theirs by address:
/// someone else sending the same key and body files a report of their own and never sees the first one's receipt.
/// </summary>
public sealed class CitizenIdempotencyTests(HazardsFactory factory) : IClassFixture<HazardsFactory>
{
    [Fact]
    public async Task A_retry_from_the_same_address_replays_the_receipt_and_the_same_key_from_another_address_files_its_own()
    {
        var enterprise = await factory.CreateClient().RegisterAsync();
        using var regulator = factory.CreateClient().AsRegulator();
        var code = (await regulator.EnterpriseCodeAsync(enterprise.Id)).Code;
        var key = Guid.NewGuid().ToString();
        var report = Report();
        using var citizen = factory.Citizen();
        using var stranger = factory.Citizen();

        var first = await PostAsync(citizen, code, key, report);
        var retried = await PostAsync(citizen, code, key, report);
        var other = await PostAsync(stranger, code, key, report);

        Assert.Equal(first.Receipt, retried.Receipt);
        Assert.NotEqual(first.Receipt, other.Receipt);
        Assert.Equal(2, (await regulator.CitizenDangersAsync(enterprise.Id)).Count);
    }

    private static async Task<CitizenReportReceipt> PostAsync(HttpClient client, string code, string key, CitizenReportRequest report)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Reports(code)) { Content = JsonContent.Create(report, options: Json) };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<CitizenReportReceipt>(Json))!;
    }
}
