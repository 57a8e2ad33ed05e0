using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EmergencyOps.ServiceDefaults.Input;
using EmergencyOps.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Warnings.API.Model;
using static Warnings.API.Tests.WarningTestData;

namespace Warnings.API.Tests;

/// <summary>
/// Issue #12 for the warnings service: bad input is a 400 problem naming the field and stores nothing, races are
/// 409s, and rows stored before these rules (planted here directly in SQLite) still read, as JSON, CAP, Atom and SSE.
/// </summary>
public sealed partial class InputRulesTests(WarningsFactory factory) : IClassFixture<WarningsFactory>, IAsyncLifetime
{
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = factory.CreateClient();
        return ServiceChecks.AssertReadyAsync(_client);
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("description", "受台风影响\\u0000本市沿海有大风。")]
    [InlineData("headline", "台风\\u0007预警")]
    [InlineData("instruction", "撤离\\u001b[31m")]
    [InlineData("note", "\\u0085")]
    [InlineData("headline", "\\ud800")]
    [InlineData("description", "\\uffff")]
    public async Task Text_that_cap_cannot_carry_is_refused_naming_the_field_and_nothing_is_stored(string field, string escaped)
    {
        var before = await CountAsync();
        var body = Body(Typhoon());
        body[field] = "@@";

        using var response = await PostRawAsync("/api/warnings", body.ToJsonString().Replace("\"@@\"", $"\"{escaped}\"", StringComparison.Ordinal));

        await response.FieldProblemAsync(field);
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [InlineData("expires", "9999-12-31T23:59:59Z")]
    [InlineData("onset", "0001-01-01T00:00:00Z")]
    [InlineData("effective", "1900-01-01T00:00:00+08:00")]
    [InlineData("expires", "2100-01-01T00:00:01Z")]
    public async Task Dates_outside_the_window_are_refused_instead_of_overflowing_china_standard_time(string field, string value)
    {
        var before = await CountAsync();
        var body = Body(Typhoon());
        body[field] = value;

        using var response = await _client.PostAsJsonAsync("/api/warnings", body);

        await response.FieldProblemAsync(field);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task An_update_to_the_end_of_the_calendar_is_refused_and_the_warning_stays_at_its_version()
    {
        var id = (await _client.IssueAsync(Typhoon())).Id();

        using var response = await _client.PostAsJsonAsync($"/api/warnings/{id}/updates", new { expires = "9999-12-31T23:59:59Z" });

        await response.FieldProblemAsync("expires");
        Assert.Equal(1, (await _client.GetJsonAsync($"/api/warnings/{id}")).GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task Concurrent_updates_of_one_warning_are_200_or_a_409_saying_to_retry_and_leave_no_gap_in_the_versions()
    {
        var id = (await _client.IssueAsync(Typhoon())).Id();
        using var start = new SemaphoreSlim(0);

        var updates = Enumerable.Range(1, 8).Select(async i =>
        {
            using var client = factory.CreateClient();
            await start.WaitAsync();
            using var response = await client.PostAsJsonAsync($"/api/warnings/{id}/updates", new { headline = $"上海市台风橙色预警（第{i}次更新）" });
            return (response.StatusCode, Type: response.Content.Headers.ContentType?.MediaType, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        start.Release(updates.Count);
        var answers = await Task.WhenAll(updates);

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{a.StatusCode}: {a.Body}"));
        Assert.All(answers.Where(a => a.StatusCode == HttpStatusCode.Conflict), a =>
        {
            Assert.Equal("application/problem+json", a.Type);
            Assert.Contains("try", JsonDocument.Parse(a.Body).RootElement.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        });
        var history = (await _client.GetJsonAsync($"/api/warnings/{id}")).GetProperty("history").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()).ToList();
        var published = answers.Count(a => a.StatusCode == HttpStatusCode.OK);
        Assert.True(published >= 1, "at least one update wins");
        Assert.Equal(Enumerable.Range(1, 1 + published), history);
    }

    [Theory]
    [InlineData(10_000, 10)]
    [InlineData(51, 10)]
    [InlineData(1, 101)]
    public async Task Responsible_units_are_bounded_in_number_and_length(int count, int length)
    {
        var before = await CountAsync();
        var units = Enumerable.Range(0, count).Select(i => $"单位{i}".PadRight(length, '局')[..length]).ToArray();

        using var response = await _client.PostAsJsonAsync("/api/warnings", Typhoon(units: units));

        await response.FieldProblemAsync("responsibleUnits");
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Polygons_and_circles_are_bounded()
    {
        var before = await CountAsync();
        // 101 points (100 corners and the closing one) of a ring around People's Square.
        var ring = Enumerable.Range(0, 100).Select(i => FormattableString.Invariant($"{31.23 + 0.05 * Math.Sin(i * Math.PI / 50):0.0000},{121.47 + 0.05 * Math.Cos(i * Math.PI / 50):0.0000}")).ToList();
        var polygon = string.Join(' ', ring.Append(ring[0]));
        var longText = string.Join(' ', Enumerable.Repeat("31.230000000,121.470000000", 100));

        foreach (var (area, field) in new (object Area, string Field)[]
        {
            (new { polygon }, "area.polygon"),
            (new { polygon = longText }, "area.polygon"),
            (new { circle = "31.23,121.47 " + new string('1', 100) }, "area.circle"),
            (new { districtCodes = Enumerable.Repeat(Pudong, 17) }, "area.districtCodes"),
        })
        {
            var body = Body(Typhoon());
            body["area"] = JsonSerializer.SerializeToNode(area);
            using var response = await _client.PostAsJsonAsync("/api/warnings", body);
            await response.FieldProblemAsync(field);
        }
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [InlineData("{\"hysteresis\":-1}", "hysteresis")]
    [InlineData("{\"hysteresis\":9.2e18}", "hysteresis")]
    [InlineData("{\"red\":9.2e18}", "red")]
    [InlineData("{\"blue\":-9.2e18}", "blue")]
    [InlineData("{\"holdMinutes\":100000}", "holdMinutes")]
    [InlineData("{\"holdMinutes\":-1}", "holdMinutes")]
    [InlineData("{\"unit\":\"\\u200b\"}", "unit")]
    [InlineData("{\"warningType\":\"42\"}", "warningType")]
    [InlineData("{\"responsibleUnits\":[\"\\u200b\\u200c\"]}", "responsibleUnits")]
    public async Task Thresholds_out_of_bounds_are_refused_and_not_stored(string overrides, string field)
    {
        var body = Body(new { warningType = "rainstorm", unit = "mm", blue = 30, yellow = 50, orange = 80, red = 100, hysteresis = 10, holdMinutes = 30 });
        foreach (var (key, value) in JsonNode.Parse(overrides)!.AsObject())
        {
            body[key] = value?.DeepClone();
        }

        using var response = await _client.PutAsJsonAsync("/api/warnings/thresholds/rain-bounds", body);

        await response.FieldProblemAsync(field);
        Assert.DoesNotContain((await _client.GetJsonAsync("/api/warnings/thresholds")).EnumerateArray(), t => t.Str("indicator") == "rain-bounds");
    }

    [Theory]
    [InlineData("rain%0D%0Afall")]
    [InlineData("..%2F..%2Fetc")]
    [InlineData("%22rain%22")]
    [InlineData("rain'fall")]
    [InlineData("Rainfall")]
    [InlineData("-rain")]
    [InlineData("r%20ain")]
    [InlineData("rainfall-1h-rainfall-1h-rainfall-1h-rainfall-1h-rainfall-1h-rainf")]
    public async Task Threshold_indicators_follow_the_documented_pattern(string segment)
    {
        using var response = await _client.PutAsJsonAsync($"/api/warnings/thresholds/{segment}", new { warningType = "rainstorm", unit = "mm", blue = 30 });

        await response.FieldProblemAsync("indicator");
        Assert.DoesNotContain((await _client.GetJsonAsync("/api/warnings/thresholds")).EnumerateArray(), t => !WarningLimits.IsIndicator(t.Str("indicator")));
    }

    [Fact]
    public async Task The_indicator_pattern_is_documented_and_readings_follow_it_too()
    {
        var document = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json")).RootElement;
        var put = document.GetProperty("paths").GetProperty("/api/warnings/thresholds/{indicator}").GetProperty("put");
        Assert.Contains(WarningLimits.IndicatorPattern, put.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains(WarningLimits.IndicatorPattern, put.GetProperty("description").GetString(), StringComparison.Ordinal);

        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        foreach (var (reading, field) in new (object Reading, string Field)[]
        {
            (new { indicator = "rain\"fall", station = "PD-1", district = Pudong, value = 1, observedAt = at }, "readings[0].indicator"),
            (new { indicator = "rainfall", station = "PD 1", district = Pudong, value = 1, observedAt = at }, "readings[0].station"),
            (new { indicator = "rainfall", station = "PD-1", district = Pudong, value = 9.2e18, observedAt = at }, "readings[0].value"),
            (new { indicator = "rainfall", station = "PD-1", district = Pudong, value = 1, observedAt = "0001-01-01T00:00:00Z" }, "readings[0].observedAt"),
        })
        {
            using var response = await _client.PostAsJsonAsync("/api/warnings/readings", new { readings = new[] { reading } });
            await response.FieldProblemAsync(field);
        }
        using var single = await _client.PostAsJsonAsync("/api/warnings/readings", new { indicator = "rainfall", station = "PD-1", district = Pudong, value = -9.2e18, observedAt = at });
        await single.FieldProblemAsync("value");
        // A top-level field beside a batch would be ignored: it is refused instead, whatever it holds.
        var batch = new[] { new { indicator = "rainfall", station = "PD-1", district = Pudong, value = 1, observedAt = at } };
        using var both = await _client.PostAsJsonAsync("/api/warnings/readings", new { district = "31011", readings = batch });
        await both.FieldProblemAsync("district");
    }

    [Theory]
    [InlineData("/api/warnings?pageIndex=2147483647", "pageIndex")]
    [InlineData("/api/warnings?pageIndex=-1", "pageIndex")]
    [InlineData("/api/warnings?pageIndex=abc", "pageIndex")]
    [InlineData("/api/warnings?pageSize=0", "pageSize")]
    [InlineData("/api/warnings?pageSize=201", "pageSize")]
    [InlineData("/api/warnings?state=1", "state")]
    [InlineData("/api/warnings?state=open", "state")]
    [InlineData("/api/warnings?level=2", "level")]
    [InlineData("/api/warnings?status=0", "status")]
    [InlineData("/api/warnings?type=42", "type")]
    [InlineData("/api/warnings?district=1", "district")]
    [InlineData("/api/warnings?district=%E2%80%8B", "district")]
    [InlineData("/api/warnings/feed?level=3", "level")]
    [InlineData("/api/warnings/feed?status=drill", "status")]
    [InlineData("/api/warnings/feed?type=tsunami", "type")]
    [InlineData("/api/warnings/feed?lastEventId=-1", "lastEventId")]
    [InlineData("/api/warnings/suggestions?all=maybe", "all")]
    public async Task Unknown_filter_values_and_pages_out_of_range_are_refused_naming_the_parameter(string url, string parameter)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));

        await response.FieldProblemAsync(parameter);
    }

    [Fact]
    public async Task The_last_page_index_answers_an_empty_page()
    {
        var page = await _client.GetJsonAsync($"/api/warnings?state=all&pageIndex={EmergencyOps.ServiceDefaults.Paging.MaxPageIndex}&pageSize=200");

        Assert.Equal(EmergencyOps.ServiceDefaults.Paging.MaxPageIndex, page.GetProperty("pageIndex").GetInt32());
        Assert.Equal(0, page.GetProperty("data").GetArrayLength());
    }

    [Theory]
    [InlineData("{\"level\":\"3\"}", "level")]
    [InlineData("{\"level\":3}", "level")]
    [InlineData("{\"type\":\"42\"}", "type")]
    [InlineData("{\"status\":\"1\"}", "status")]
    [InlineData("{\"headline\":\"\\u200b\\u200b\"}", "headline")]
    [InlineData("{\"headline\":\"第一行\\n第二行\"}", "headline")]
    [InlineData("{\"description\":\"\\u200b\"}", "description")]
    [InlineData("{\"responsibleUnits\":[\"\\u200b\"]}", "responsibleUnits")]
    [InlineData("{\"area\":{\"districtCodes\":[\"\\u200b\"]}}", "area.districtCodes")]
    public async Task Numbers_for_names_and_invisible_names_are_refused(string overrides, string field)
    {
        var before = await CountAsync();
        var body = Body(Typhoon());
        foreach (var (key, value) in JsonNode.Parse(overrides)!.AsObject())
        {
            body[key] = value?.DeepClone();
        }

        using var response = await _client.PostAsJsonAsync("/api/warnings", body);

        await response.FieldProblemAsync(field);
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [InlineData("headline", 161)]
    [InlineData("description", 4_001)]
    [InlineData("instruction", 4_001)]
    [InlineData("note", 1_001)]
    public async Task Free_text_is_bounded(string field, int length)
    {
        var before = await CountAsync();
        var body = Body(Typhoon());
        body[field] = new string('风', length);

        using var response = await _client.PostAsJsonAsync("/api/warnings", body);

        await response.FieldProblemAsync(field);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Ending_acknowledging_and_reporting_check_their_texts_and_change_nothing()
    {
        var id = (await _client.IssueAsync(Typhoon(units: ["浦东新区应急管理局"]))).Id();

        using (var lift = await _client.PostAsJsonAsync($"/api/warnings/{id}/lift", new { reason = new string('风', 1_001) }))
        {
            await lift.FieldProblemAsync("reason");
        }
        using (var cancel = await _client.PostAsJsonAsync($"/api/warnings/{id}/cancel", new { reason = "\u200b" }))
        {
            await cancel.FieldProblemAsync("reason");
        }
        using (var acknowledge = await _client.PostAsJsonAsync($"/api/warnings/{id}/acknowledgements", new { unit = "\u200b\u200d" }))
        {
            await acknowledge.FieldProblemAsync("unit");
        }
        using (var numbered = await PostRawAsync($"/api/warnings/{id}/dispositions", "{\"unit\":\"浦东新区应急管理局\",\"status\":1,\"report\":\"已处置\"}"))
        {
            await numbered.FieldProblemAsync("status");
        }
        using (var named = await _client.PostAsJsonAsync($"/api/warnings/{id}/dispositions", new { unit = "浦东新区应急管理局", status = "42", report = "已处置" }))
        {
            await named.FieldProblemAsync("status");
        }

        var warning = await _client.GetJsonAsync($"/api/warnings/{id}");
        Assert.Equal(("active", 1), (warning.Str("state"), warning.GetProperty("history").GetArrayLength()));
        var responses = await _client.GetJsonAsync($"/api/warnings/{id}/responses");
        Assert.Equal(0, responses.GetProperty("acknowledged").GetInt32());
    }

    [Fact]
    public void The_type_names_the_contract_lists_are_the_catalogue()
    {
        var catalogue = WarningTypeCatalogue.All.Select(t => t.Code).Order(StringComparer.Ordinal).ToList();
        foreach (var property in new[] { typeof(IssueWarningRequest).GetProperty(nameof(IssueWarningRequest.Type))!, typeof(ThresholdRequest).GetProperty(nameof(ThresholdRequest.WarningType))! })
        {
            Assert.Equal(catalogue, property.GetCustomAttribute<OneOfAttribute>()!.Names.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void The_live_feed_stays_a_stream()
    {
        var feed = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Single(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == "WarningFeed");

        Assert.NotNull(feed.Metadata.GetMetadata<StreamingResponseAttribute>());
    }

    private static JsonObject Body(object value) => JsonSerializer.SerializeToNode(value, TestJson.Options)!.AsObject();

    private Task<HttpResponseMessage> PostRawAsync(string url, string json) =>
        _client.PostAsync(new Uri(url, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    private async Task<int> CountAsync() =>
        (await _client.GetJsonAsync("/api/warnings?state=all&pageSize=1")).GetProperty("count").GetInt32();

    /// <summary>Changes rows behind the service's back, as a build before these rules could have left them.</summary>
    private async Task PlantAsync(string sql, Guid? id = null) =>
        Assert.True(await factory.ExecuteAsync(sql, id is { } value ? [("$id", ServiceDatabase.Key(value))] : []) > 0, $"planted nothing: {sql}");

    private async Task<string> ReadAsync(string sql, Guid id) =>
        Convert.ToString((await factory.QueryAsync(sql, ("$id", ServiceDatabase.Key(id))))[0][0], System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
