using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmergencyOps.Testing;
using static EmergencyOps.AppHost.Tests.Faults.Operations;

namespace EmergencyOps.AppHost.Tests.Faults;

/// <summary>
/// Many writers at once through the gateway, spread over both replicas: 64 on one balance, 64 on one shelter's
/// occupancy, 20 with one Idempotency-Key. No update is lost, stock never goes negative, a shelter never overfills,
/// and one key has one effect.
/// </summary>
[Collection(Faulted.Name)]
public sealed class ContentionTests(FaultSystem system)
{
    [Fact(Timeout = FaultSystem.TestTimeout)]
    public async Task Sixty_four_writers_on_one_balance_lose_no_update_and_never_take_stock_below_zero()
    {
        using var admin = await system.AsAsync("admin", connectionPerRequest: true);
        var warehouse = await SystemData.WarehouseAsync(admin, "FT-HOT", "普陀区应急物资储备库（并发演练）", "310107");
        Assert.True((await ReceiveAsync(admin, warehouse, 100)).Acknowledged);
        var start = await OnHandAsync(admin, warehouse);

        // Half receive 3, half issue 7: 32 × 7 = 224 is more than the stock can give, so some issues must be refused.
        var sent = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => i % 2 == 0
            ? ChangeAsync(admin, warehouse, "receipt", 3)
            : ChangeAsync(admin, warehouse, "issue", 7)));

        var received = sent.Where((_, i) => i % 2 == 0).ToList();
        var issued = sent.Where((_, i) => i % 2 == 1).ToList();
        Assert.All(received, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.All(issued.Where(s => !s.Acknowledged), s => Assert.Equal(HttpStatusCode.Conflict, s.Status));
        Assert.Contains(issued, s => !s.Acknowledged);
        var onHand = await OnHandAsync(admin, warehouse);
        Assert.Equal(start + 3 * received.Count - 7 * issued.Count(s => s.Acknowledged), onHand);
        Assert.True(onHand >= 0);

        var ledger = await LedgerAsync(admin, warehouse);
        var keys = sent.Select(s => s.Key).ToHashSet();
        Assert.Equal(sent.Where(s => s.Acknowledged).Select(s => s.Key).Order(),
            ledger.Select(e => e.GetProperty("voucherReference").GetString()!).Where(keys.Contains).Order());
        // The ledger's running balance never dipped below zero and ends at the balance.
        Assert.All(ledger, e => Assert.True(e.GetProperty("balanceAfter").GetInt32() >= 0));
        Assert.Equal(onHand, ledger[^1].GetProperty("balanceAfter").GetInt32());
    }

    [Fact(Timeout = FaultSystem.TestTimeout)]
    public async Task Sixty_four_arrivals_at_one_shelter_fill_it_exactly_to_capacity_and_no_further()
    {
        using var admin = await system.AsAsync("admin", connectionPerRequest: true);
        using var duty = await system.AsAsync("duty1", connectionPerRequest: true);
        var shelter = await ShelterAsync(admin, duty, "310107", 100);

        var answers = await Task.WhenAll(Enumerable.Range(0, 64).Select(async _ =>
        {
            using var response = await SystemData.PostAsync(duty, $"/api/shelters/{shelter}/occupancy", new { kind = "arrival", people = 3, note = "转移安置" });
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        // 33 × 3 = 99 fit; every arrival that fits is let in, every other refused as full.
        Assert.Equal(33, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        var state = JsonDocument.Parse(await admin.GetStringAsync(new Uri($"/api/shelters/{shelter}", UriKind.Relative))).RootElement;
        Assert.Equal(99, state.GetProperty("occupancy").GetInt32());
        var log = JsonDocument.Parse(await admin.GetStringAsync(new Uri($"/api/shelters/{shelter}/log?pageSize=200", UriKind.Relative))).RootElement;
        Assert.Equal(33, log.GetProperty("data").EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "arrival"));
    }

    [Fact(Timeout = FaultSystem.TestTimeout)]
    public async Task Twenty_requests_with_one_Idempotency_Key_have_one_effect_and_the_others_replay_it_or_are_told_it_is_in_flight()
    {
        using var admin = await system.AsAsync("admin", connectionPerRequest: true);
        var warehouse = await SystemData.WarehouseAsync(admin, "FT-KEY", "普陀区应急物资储备库（重试演练）", "310107");
        var before = await OnHandAsync(admin, warehouse);
        var key = Guid.NewGuid().ToString("N");

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/inventory/warehouses/{warehouse}/stock-changes")
            {
                Content = JsonContent.Create(new { kind = "receipt", materialCode = "FC-SANDBAG", quantity = 11, reason = "到货入库", voucherReference = key }),
            };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await admin.SendAsync(request);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Single(answers.Where(a => a.StatusCode == HttpStatusCode.OK).Select(a => a.Body).Distinct());
        Assert.Equal(before + 11, await OnHandAsync(admin, warehouse));
        Assert.Single(await LedgerAsync(admin, warehouse), e => e.GetProperty("voucherReference").GetString() == key);
    }
}
