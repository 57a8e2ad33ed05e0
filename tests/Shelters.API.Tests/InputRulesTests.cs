using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EmergencyOps.ServiceDefaults;
using EmergencyOps.Testing;
using Shelters.API.Model;
using static Shelters.API.Tests.ShelterTestData;

namespace Shelters.API.Tests;

/// <summary>Issue #12: no bad input may cause a 500, be stored, or poison later reads.</summary>
public sealed class InputRulesTests(SheltersFactory factory) : IClassFixture<SheltersFactory>
{
    [Theory]
    [InlineData("1e309")]
    [InlineData("-1e309")]
    [InlineData("\"Infinity\"")]
    [InlineData("\"NaN\"")]
    public async Task An_infinite_usable_area_is_a_400_naming_it_and_stores_nothing(string area)
    {
        using var client = factory.CreateClient();
        var name = $"无穷大-{Guid.NewGuid():N}";

        using var response = await client.SendJsonAsync(HttpMethod.Post, "/api/shelters", RegistrationJson(Request(name, "310116", 30.7400, 121.3400), "usableArea", area));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty("usableArea", out _));
        // The reads the stored +∞ used to cut short still answer, whole, without it.
        using var list = JsonDocument.Parse(await client.GetStringAsync("/api/shelters?district=310116&pageSize=200"));
        Assert.DoesNotContain(list.RootElement.GetProperty("data").EnumerateArray(), s => s.GetProperty("name").GetString() == name);
        using var within = JsonDocument.Parse(await client.GetStringAsync("/api/shelters/within?districts=310116"));
        Assert.DoesNotContain(within.RootElement.EnumerateArray(), s => s.GetProperty("name").GetString() == name);
        using var map = JsonDocument.Parse(await client.GetStringAsync("/api/shelters/export.geojson"));
        Assert.DoesNotContain(map.RootElement.GetProperty("features").EnumerateArray(), f => f.GetProperty("properties").GetProperty("name").GetString() == name);
    }

    [Theory]
    [InlineData("kind", "\"42\"")]
    [InlineData("kind", "42")]
    [InlineData("kind", "\"Indoor,Outdoor\"")]
    [InlineData("grade", "\"1\"")]
    [InlineData("grade", "2")]
    [InlineData("name", "\"a\\u0000b\"")]
    [InlineData("name", "\"a\\u0001b\"")]
    [InlineData("name", "\"a\\nb\"")]
    [InlineData("name", "\"\\u200B\\u200B\"")]
    [InlineData("name", "\"   \"")]
    [InlineData("address", "\"a\\u001Bb\"")]
    [InlineData("manager", "\"\\u0085\"")]
    [InlineData("contact", "\"021\\uFFFE\"")]
    [InlineData("districtCode", "\"3101150\"")]
    [InlineData("capacity", "2147483648")]
    [InlineData("capacity", "200001")]
    [InlineData("capacity", "9.5")]
    [InlineData("usableArea", "1e12")]
    [InlineData("usableArea", "-1")]
    [InlineData("latitude", "1e300")]
    [InlineData("longitude", "\"121.5\"")]
    [InlineData("facilities", "[\"water\", null]")]
    [InlineData("facilities", "[\"42\"]")]
    [InlineData("suitableHazards", "[\"typhoon\", \"42\"]")]
    public async Task A_registration_field_out_of_its_rules_is_a_400_naming_it_and_stores_nothing(string field, string raw)
    {
        using var client = factory.CreateClient();
        var name = $"规则-{Guid.NewGuid():N}";

        using var response = await client.SendJsonAsync(HttpMethod.Post, "/api/shelters", RegistrationJson(Request(name, "310117", 31.0300, 121.2300), field, raw));

        await AssertRefusedAsync(response, field);
        Assert.False(await ListedAsync(client, "310117", name));
    }

    [Theory]
    [InlineData("name", 201)]
    [InlineData("address", 301)]
    [InlineData("manager", 101)]
    [InlineData("contact", 51)]
    public async Task Text_longer_than_its_field_is_a_400_naming_it(string field, int length)
    {
        using var client = factory.CreateClient();
        var name = $"长度-{Guid.NewGuid():N}";

        using var response = await client.SendJsonAsync(HttpMethod.Post, "/api/shelters",
            RegistrationJson(Request(name, "310117", 31.0300, 121.2300), field, JsonSerializer.Serialize(new string('长', length))));

        var messages = await AssertRefusedAsync(response, field);
        Assert.Contains($"{length - 1} characters", messages);
        Assert.False(await ListedAsync(client, "310117", name));
    }

    [Fact]
    public async Task Lists_longer_than_their_field_are_a_400_naming_it()
    {
        using var client = factory.CreateClient();
        var facilities = JsonSerializer.Serialize(Enumerable.Repeat("water", ShelterLimits.MaxFacilities + 1));
        var hazards = JsonSerializer.Serialize(Enumerable.Repeat("typhoon", ShelterLimits.MaxHazards + 1));

        using var tooManyFacilities = await client.SendJsonAsync(HttpMethod.Post, "/api/shelters", RegistrationJson(Request("设施过多"), "facilities", facilities));
        using var tooManyHazards = await client.SendJsonAsync(HttpMethod.Post, "/api/shelters", RegistrationJson(Request("灾种过多"), "suitableHazards", hazards));

        await AssertRefusedAsync(tooManyFacilities, "facilities");
        await AssertRefusedAsync(tooManyHazards, "suitableHazards");
    }

    [Theory]
    [InlineData("status", "\"2\"")]
    [InlineData("status", "2")]
    [InlineData("status", "\"burning\"")]
    [InlineData("reason", "\"a\\u0000b\"")]
    public async Task A_status_change_out_of_its_rules_is_a_400_naming_the_field_and_changes_nothing(string field, string raw)
    {
        using var client = factory.CreateClient();
        var shelter = await client.RegisterAsync(Request($"状态-{Guid.NewGuid():N}", "310118", 31.1500, 121.1200));
        var body = field == "status" ? $"{{\"status\": {raw}}}" : $"{{\"status\": \"open\", \"reason\": {raw}}}";

        using var response = await client.SendJsonAsync(HttpMethod.Post, $"/api/shelters/{shelter.Id}/status", body);

        await AssertRefusedAsync(response, field);
        Assert.Equal(ShelterStatus.Closed, (await client.GetShelterAsync(shelter.Id)).Status);
    }

    [Theory]
    [InlineData("kind", "\"1\"", "1")]
    [InlineData("kind", "1", "1")]
    [InlineData("kind", "\"registered\"", "1")]
    [InlineData("people", "\"arrival\"", "2147483647")]
    [InlineData("people", "\"arrival\"", "200001")]
    [InlineData("people", "\"count\"", "-1")]
    [InlineData("people", "\"arrival\"", "1e3")]
    public async Task An_occupancy_change_out_of_its_rules_is_a_400_naming_the_field_and_changes_nothing(string field, string kind, string people)
    {
        using var client = factory.CreateClient();
        var shelter = await client.RegisterOpenAsync(Request($"人数-{Guid.NewGuid():N}", "310118", 31.1600, 121.1600));

        using var response = await client.SendJsonAsync(HttpMethod.Post, $"/api/shelters/{shelter.Id}/occupancy", $"{{\"kind\": {kind}, \"people\": {people}}}");

        await AssertRefusedAsync(response, field);
        Assert.Equal(0, (await client.GetShelterAsync(shelter.Id)).Occupancy);
    }

    [Fact]
    public async Task An_overlong_occupancy_note_is_a_400_naming_it()
    {
        using var client = factory.CreateClient();
        var shelter = await client.RegisterOpenAsync(Request($"备注-{Guid.NewGuid():N}", "310118", 31.1700, 121.1700));

        using var response = await client.PostAsJsonAsync($"/api/shelters/{shelter.Id}/occupancy",
            new OccupancyRequest("arrival", 1, new string('注', ShelterLimits.ReasonLength + 1)), Json);

        await AssertRefusedAsync(response, "note");
        Assert.Equal(0, (await client.GetShelterAsync(shelter.Id)).Occupancy);
    }

    [Theory]
    [InlineData("date", "\"0001-01-01\"", "\"李检查\"", "\"none\"")]
    [InlineData("date", "\"1999-12-31\"", "\"李检查\"", "\"none\"")]
    [InlineData("date", "\"9999-12-31\"", "\"李检查\"", "\"none\"")]
    [InlineData("date", "20261102", "\"李检查\"", "\"none\"")]
    [InlineData("inspector", "\"2026-11-02\"", "\"\\u200B\"", "\"none\"")]
    [InlineData("inspector", "\"2026-11-02\"", "\"李\\t检查\"", "\"none\"")]
    [InlineData("findings", "\"2026-11-02\"", "\"李检查\"", "\"a\\u0007b\"")]
    public async Task An_inspection_out_of_its_rules_is_a_400_naming_the_field_and_stores_nothing(string field, string date, string inspector, string findings)
    {
        using var client = factory.CreateClient();
        var shelter = await client.RegisterAsync(Request($"检查-{Guid.NewGuid():N}", "310113", 31.4000, 121.4500));

        using var response = await client.SendJsonAsync(HttpMethod.Post, $"/api/shelters/{shelter.Id}/inspections",
            $"{{\"date\": {date}, \"inspector\": {inspector}, \"findings\": {findings}, \"passed\": false}}");

        await AssertRefusedAsync(response, field);
        Assert.Empty((await client.GetFromJsonAsync<List<InspectionResponse>>($"/api/shelters/{shelter.Id}/inspections", Json))!);
        Assert.False((await client.GetShelterAsync(shelter.Id)).OutOfService);
    }

    [Fact]
    public async Task Findings_longer_than_the_field_are_a_400_naming_it()
    {
        using var client = factory.CreateClient();
        var shelter = await client.RegisterAsync(Request($"检查长度-{Guid.NewGuid():N}", "310113", 31.4100, 121.4600));

        using var response = await client.PostAsJsonAsync($"/api/shelters/{shelter.Id}/inspections",
            new RecordInspectionRequest(new DateOnly(2026, 11, 2), "李检查", new string('查', ShelterLimits.FindingsLength + 1), true), Json);

        await AssertRefusedAsync(response, "findings");
        Assert.Empty((await client.GetFromJsonAsync<List<InspectionResponse>>($"/api/shelters/{shelter.Id}/inspections", Json))!);
    }

    [Theory]
    [InlineData("/api/shelters?district=999999", "district")]
    [InlineData("/api/shelters?district=3101150", "district")]
    [InlineData("/api/shelters?status=2", "status")]
    [InlineData("/api/shelters?status=burning", "status")]
    [InlineData("/api/shelters?kind=42", "kind")]
    [InlineData("/api/shelters?suitableFor=volcano", "suitableFor")]
    [InlineData("/api/shelters?suitableFor=Typhoon", "suitableFor")]
    [InlineData("/api/shelters?pageIndex=-1", "pageIndex")]
    [InlineData("/api/shelters?pageIndex=2147483647", "pageIndex")]
    [InlineData("/api/shelters?pageSize=0", "pageSize")]
    [InlineData("/api/shelters?pageSize=201", "pageSize")]
    [InlineData("/api/shelters?pageSize=abc", "pageSize")]
    [InlineData("/api/shelters/nearest?lat=abc&lon=121.47", "lat")]
    [InlineData("/api/shelters/nearest?lat=1e309&lon=121.47", "lat")]
    [InlineData("/api/shelters/nearest?lat=31.2&lon=-181", "lon")]
    [InlineData("/api/shelters/nearest?lat=31.2&lon=121.47&people=200001", "people")]
    [InlineData("/api/shelters/nearest?lat=31.2&lon=121.47&limit=0", "limit")]
    [InlineData("/api/shelters/within?districts=310115,abc", "districts")]
    [InlineData("/api/shelters/within?polygon=1,2%203,4", "polygon")]
    [InlineData("/api/shelters/within?circle=31.2,121.4%201e309", "circle")]
    [InlineData("/api/shelters/within?circle=31.2,121.4%202&outside=maybe", "outside")]
    public async Task A_query_value_out_of_its_rules_is_a_400_naming_the_parameter(string url, string parameter)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(url);

        await AssertRefusedAsync(response, parameter);
    }

    [Theory]
    [InlineData("pageIndex=-1", "pageIndex")]
    [InlineData("pageIndex=1000001", "pageIndex")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    public async Task The_log_refuses_pages_out_of_range_instead_of_clamping(string query, string parameter)
    {
        using var client = factory.CreateClient();
        var shelter = await client.RegisterAsync(Request($"日志-{Guid.NewGuid():N}", "310114", 31.3800, 121.2500));

        using var response = await client.GetAsync($"/api/shelters/{shelter.Id}/log?{query}");

        await AssertRefusedAsync(response, parameter);
    }

    [Fact]
    public async Task A_planted_bad_shelter_row_never_breaks_a_read_that_lists_it()
    {
        using var client = factory.CreateClient();
        var bad = await client.RegisterOpenAsync(Request($"坏行-{Guid.NewGuid():N}", "310120", 30.9200, 121.4700, suitable: ["typhoon"]));
        var lost = await client.RegisterOpenAsync(Request($"无坐标-{Guid.NewGuid():N}", "310120", 30.9300, 121.4800, suitable: ["typhoon"]));
        await factory.PlantAsync(
            "UPDATE Shelters SET UsableArea = 1e999, Name = '坏' || char(1) || '行' || char(0) || 'x', Address = char(27) || '[2J' || char(11), " +
            "Manager = char(133) || char(65534), Contact = char(65535) WHERE Id = $id", bad.Id);
        await factory.PlantAsync("UPDATE Shelters SET Latitude = 1e999, Longitude = -1e999 WHERE Id = $id", lost.Id);
        // Another change in the district recomputes its availability from the planted rows.
        await client.RegisterAsync(Request($"坏行邻居-{Guid.NewGuid():N}", "310120", 30.9400, 121.4900));

        using var one = await ReadJsonAsync(client, $"/api/shelters/{bad.Id}");
        // What JSON cannot express is left out (or null), never a cut-short response.
        Assert.True(Unset(one.RootElement, "usableArea"));
        Assert.StartsWith("坏\u0001行", one.RootElement.GetProperty("name").GetString(), StringComparison.Ordinal);
        using var unlocated = await ReadJsonAsync(client, $"/api/shelters/{lost.Id}");
        Assert.True(Unset(unlocated.RootElement, "latitude"));
        foreach (var url in new[] { "/api/shelters?district=310120&pageSize=200", "/api/shelters?pageSize=200", "/api/shelters?district=310120&status=open&suitableFor=typhoon" })
        {
            using var page = await ReadJsonAsync(client, url);
            Assert.Contains(page.RootElement.GetProperty("data").EnumerateArray(), s => s.GetProperty("id").GetGuid() == bad.Id);
            Assert.Contains(page.RootElement.GetProperty("data").EnumerateArray(), s => s.GetProperty("id").GetGuid() == lost.Id);
        }
        foreach (var url in new[] { "/api/shelters/within?districts=310120", "/api/shelters/within?districts=310101&outside=true" })
        {
            using var area = await ReadJsonAsync(client, url);
            Assert.Contains(area.RootElement.EnumerateArray(), s => s.GetProperty("id").GetGuid() == bad.Id);
            Assert.Contains(area.RootElement.EnumerateArray(), s => s.GetProperty("id").GetGuid() == lost.Id);
        }
        using var circle = await ReadJsonAsync(client, "/api/shelters/within?circle=30.92,121.47%205");
        Assert.Contains(circle.RootElement.EnumerateArray(), s => s.GetProperty("id").GetGuid() == bad.Id);
        using var polygon = await ReadJsonAsync(client, "/api/shelters/within?polygon=" + Uri.EscapeDataString("30.9,121.4 30.9,121.5 31.0,121.5 31.0,121.4 30.9,121.4"));
        Assert.Contains(polygon.RootElement.EnumerateArray(), s => s.GetProperty("id").GetGuid() == bad.Id);
        // A shelter without a finite location is nobody's nearest.
        using var nearest = await ReadJsonAsync(client, "/api/shelters/nearest?lat=30.92&lon=121.47&people=1&limit=50");
        Assert.Contains(nearest.RootElement.EnumerateArray(), s => s.GetProperty("id").GetGuid() == bad.Id);
        Assert.DoesNotContain(nearest.RootElement.EnumerateArray(), s => s.GetProperty("id").GetGuid() == lost.Id);
        using var availability = await ReadJsonAsync(client, "/api/shelters/availability");
        Assert.True(availability.RootElement.EnumerateArray().Single(d => d.GetProperty("districtCode").GetString() == "310120").GetProperty("shelters").GetInt32() >= 3);
        using var map = await ReadJsonAsync(client, "/api/shelters/export.geojson");
        var features = map.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Contains(features, f => f.GetProperty("id").GetGuid() == bad.Id);
        Assert.True(Unset(features.Single(f => f.GetProperty("id").GetGuid() == lost.Id), "geometry"));

        using var csv = await client.GetAsync("/api/shelters/export.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var rows = Csv.Read(Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF'));
        Assert.All(rows, r => Assert.Equal(rows[0].Count, r.Count));
        var badRow = Assert.Single(rows, r => r[0] == bad.Id.ToString());
        Assert.Equal("", badRow[rows[0].IndexOf("usable_area_m2")]);
        Assert.Contains(rows, r => r[0] == lost.Id.ToString());
    }

    [Fact]
    public async Task A_planted_bad_log_row_never_breaks_the_log()
    {
        using var client = factory.CreateClient();
        var shelter = await client.RegisterOpenAsync(Request($"坏日志-{Guid.NewGuid():N}", "310107", 31.2500, 121.4000));
        await factory.PlantAsync("UPDATE ShelterLog SET Note = 'n' || char(0) || char(1) || char(65535), Actor = char(27) || '[31m' || char(159) WHERE ShelterId = $id", shelter.Id);

        using var log = await ReadJsonAsync(client, $"/api/shelters/{shelter.Id}/log");

        var entries = log.RootElement.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.StartsWith("n\0\u0001", e.GetProperty("note").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_planted_bad_inspection_row_never_breaks_the_inspections()
    {
        using var client = factory.CreateClient();
        var shelter = await client.RegisterAsync(Request($"坏检查-{Guid.NewGuid():N}", "310109", 31.2700, 121.4800));
        using var recorded = await client.PostAsJsonAsync($"/api/shelters/{shelter.Id}/inspections", new RecordInspectionRequest(new DateOnly(2026, 11, 2), "李检查", "正常", true), Json);
        var inspection = (await recorded.Content.ReadFromJsonAsync<InspectionResponse>(Json))!;
        await factory.PlantAsync("UPDATE Inspections SET Findings = 'f' || char(0) || char(8) || char(65534), Inspector = char(1) WHERE ShelterId = $id", shelter.Id);

        using var list = await ReadJsonAsync(client, $"/api/shelters/{shelter.Id}/inspections");

        var item = Assert.Single(list.RootElement.EnumerateArray());
        Assert.Equal(inspection.Id, item.GetProperty("id").GetGuid());
        Assert.Equal("\u0001", item.GetProperty("inspector").GetString());
    }

    /// <summary>Asserts a 400 problem whose errors name the field; returns its messages.</summary>
    private static async Task<string> AssertRefusedAsync(HttpResponseMessage response, string field) =>
        string.Join(" ", (await response.FieldProblemAsync(field)).GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()));

    private static async Task<bool> ListedAsync(HttpClient client, string district, string name)
    {
        var page = await client.GetFromJsonAsync<PaginatedItems<ShelterResponse>>($"/api/shelters?district={district}&pageSize=200", Json);
        return page!.Data.Any(s => s.Name == name);
    }

    private static bool Unset(JsonElement element, string property) =>
        !element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null;

    /// <summary>A 200 whose body parses completely as JSON.</summary>
    private static async Task<JsonDocument> ReadJsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}

/// <summary>An RFC 4180 reader: quoted fields with doubled quotes, commas and line breaks; it reads to the end or fails.</summary>
internal static class Csv
{
    public static List<List<string>> Read(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') field.Append(text[++i]);
                else quoted = false;
            }
            else if (c == '"' && field.Length == 0) quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else field.Append(c);
        }
        Assert.False(quoted, "the CSV ends inside a quoted field");
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }
        return rows;
    }
}
