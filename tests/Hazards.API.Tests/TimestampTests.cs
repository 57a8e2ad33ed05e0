using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmergencyOps.Testing;
using Hazards.API.Apis;
using Hazards.API.Model;
using static Hazards.API.Tests.HazardTestData;

namespace Hazards.API.Tests;

/// <summary>
/// Every time in every answer is China Standard Time with its offset, also after the database round trip (SQLite hands
/// DateTime values back without a kind) and whatever offset a scanner sent its scan time in.
/// </summary>
public sealed class TimestampTests(HazardsFactory factory) : IClassFixture<HazardsFactory>
{
    [Fact]
    public async Task Every_time_in_every_answer_carries_the_China_offset()
    {
        using var client = factory.CreateClient();
        await ServiceChecks.AssertReadyAsync(client);
        // Rows with every kind of time: enterprises, a product with revised SDS and label, scans (one timed by the
        // scanner in UTC, the others by the service), a refused scan's anomaly, and a major hazard unit evaluated twice.
        var owner = await client.RegisterAsync();
        var consignee = await client.RegisterAsync(Enterprise(district: "310115", lat: 31.22, lon: 121.54, name: "上海浦东时间用户企业"));
        var code = (await client.RegisterProductAsync(owner.Id)).Code;
        (await client.PutAsJsonAsync($"/api/hazards/codes/{code}/sds", HazardExamples.Sds, Json)).EnsureSuccessStatusCode();
        (await client.PutAsJsonAsync($"/api/hazards/codes/{code}/label", HazardExamples.Label, Json)).EnsureSuccessStatusCode();
        var scannedAt = new DateTimeOffset(DateTime.UtcNow.AddMinutes(-5).Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);
        using (var commissioned = await client.ScanAsync(code, Scan("commissioning", owner.Id, at: scannedAt)))
        {
            Assert.Equal(HttpStatusCode.Created, commissioned.StatusCode);
            var answer = await commissioned.Content.ReadFromJsonAsync<JsonElement>();
            Timestamps.AssertChinaTime("POST scans", answer).AssertSomeIn("POST scans");
            // The same instant as sent, written in China Standard Time.
            Assert.Equal(scannedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
                answer.GetProperty("scannedAt").GetString());
        }
        await client.ScanOkAsync(code, Scan("shipping", owner.Id, 400, consignee.Id));
        using (var refused = await client.ScanAsync(code, Scan("dispensing", owner.Id, 10)))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        }
        await client.ScanOkAsync(code, Scan("receiving", consignee.Id));
        var unit = await client.DeclareAsync(owner.Id, Unit(10, (Chlorine, 10m)));
        await client.ChangeAsync(owner.Id, unit.UnitId, Unit(10, (Chlorine, 20m)));

        string[] withTimes =
        [
            "/api/hazards/enterprises", $"/api/hazards/enterprises/{owner.Id}", "/api/hazards/products", $"/api/hazards/enterprises/{owner.Id}/products",
            $"/api/hazards/codes/{code}", $"/api/hazards/codes/{code}/sds/history", $"/api/hazards/codes/{code}/label/history",
            $"/api/hazards/codes/{code}/trace", $"/api/hazards/codes/{code}/anomalies", "/api/hazards/anomalies",
            "/api/hazards/major-hazards", $"/api/hazards/enterprises/{owner.Id}/major-hazards",
            $"/api/hazards/enterprises/{owner.Id}/units/{unit.UnitId}/evaluations",
        ];
        string[] others = [$"/api/hazards/codes/{code}/public", $"/api/hazards/chemicals/{Chlorine}", "/api/hazards/chemicals", "/api/hazards/tables/gb18218"];

        var found = await client.AssertChinaTimeAsync([.. withTimes, .. others]);

        found.AssertSomeIn(withTimes);
    }

    [Theory]
    [InlineData("2026-11-29T08:30:00")]
    [InlineData("2026-11-29")]
    public async Task A_scan_time_without_its_offset_is_a_400_naming_it_and_records_nothing(string scannedAt)
    {
        using var client = factory.CreateClient();
        var owner = await client.RegisterAsync();
        var code = (await client.RegisterProductAsync(owner.Id)).Code;
        var body = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(Scan("commissioning", owner.Id), Json))!.AsObject();
        body["scannedAt"] = scannedAt;

        using var response = await client.PostAsync(new Uri($"/api/hazards/codes/{code}/scans", UriKind.Relative),
            new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.FieldProblemAsync("scannedAt");
        Assert.Contains("offset", problem.GetProperty("errors").GetProperty("scannedAt")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty(await client.TraceAsync(code));
    }
}
