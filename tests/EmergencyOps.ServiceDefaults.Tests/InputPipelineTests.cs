using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EmergencyOps.ServiceDefaults.Input;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EmergencyOps.ServiceDefaults.Tests;

public sealed record SlotRequest([property: TextList(2, 6)] IReadOnlyList<string>? Districts);

public sealed record PlaceRequest(
    [property: Text(10)] string? Name,
    [property: FreeText(50)] string? Note,
    [property: Bounded(0.0, 1000.0)] double? Area,
    [property: OneOf("indoor", "outdoor")] string? Kind,
    [property: Items(2)] IReadOnlyList<SlotRequest>? Slots,
    [property: Moment] DateTimeOffset? Opens);

/// <summary>The shared input rules as a service runs them: binding problems, declared limits, guarded query values, whole responses.</summary>
public sealed class InputPipelineTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;
    private readonly TaskCompletionSource _streamMayEnd = new();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.AddServiceDefaults();
        builder.AddDefaultOpenApi();
        builder.Services.AddValidation();
        _app = builder.Build();
        _app.MapDefaultEndpoints();
        _app.MapOpenApi();
        _app.MapPost("/places", (PlaceRequest request) => TypedResults.Ok(request));
        _app.MapGet("/places", ([Bounded(0, 1000)] int pageIndex = 0, string? q = null, [OneOf("indoor", "outdoor")] string? kind = null) => TypedResults.Ok(new { pageIndex, q, kind }));
        _app.MapGet("/places/{code}", (string code) => TypedResults.Ok(code));
        _app.MapGet("/stamped", () => TypedResults.Ok(new Stamped(new DateTime(2026, 11, 29, 0, 30, 0), null,
            new DateTimeOffset(2026, 11, 29, 0, 30, 0, TimeSpan.Zero), null, new DateOnly(2027, 3, 1))));
        _app.MapGet("/broken", () => TypedResults.Ok(Rows()));
        _app.MapGet("/stream", async (HttpContext http) =>
        {
            http.Response.ContentType = "text/event-stream";
            await http.Response.WriteAsync("data: first\n\n");
            await http.Response.Body.FlushAsync();
            await _streamMayEnd.Task;
        }).WithMetadata(new StreamingResponseAttribute());
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        _streamMayEnd.TrySetResult();
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData("{", "body", "Not valid JSON")]
    [InlineData("""{"area":"12"}""", "area", "Expected a finite number.")]
    [InlineData("""{"name":"\ud800"}""", "name", "Expected text")]
    [InlineData("""{"kind":7}""", "kind", "Expected text")]
    [InlineData("""{"area":1e309}""", "area", "finite")]
    [InlineData("""{"slots":[{"districts":["310115",null]}]}""", "slots[0].districts", "Item 1 is null")]
    [InlineData("""{"name":"a\u0000b"}""", "name", "U+0000")]
    [InlineData("""{"opens":"soon"}""", "opens", "ISO 8601")]
    [InlineData("""{"opens":"2026-11-29T08:00:00"}""", "opens", "with its offset")]
    public async Task A_body_that_does_not_bind_is_a_400_naming_the_field(string body, string field, string says)
    {
        var problem = await PostAsync(body);

        Assert.Contains(says, Assert.Single(problem.GetProperty("errors").GetProperty(field).EnumerateArray()).GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name":"abcdefghijk"}""", "name", "At most 10 characters")]
    [InlineData("""{"name":"\u200B\u200B"}""", "name", "empty or only spaces")]
    [InlineData("""{"name":"a\tb"}""", "name", "a tab")]
    [InlineData("""{"note":"line one\nline two\u0007"}""", "note", "U+0007")]
    [InlineData("""{"area":1000.5}""", "area", "from 0 to 1000")]
    [InlineData("""{"kind":"INDOOR2"}""", "kind", "indoor, outdoor")]
    [InlineData("""{"slots":[{},{},{}]}""", "slots", "At most 2 items")]
    [InlineData("""{"slots":[{"districts":["3101150"]}]}""", "slots[0].districts", "At most 6 characters")]
    [InlineData("""{"opens":"0001-01-01T00:00:00Z"}""", "opens", "between 2000-01-01 and 2100-01-01")]
    public async Task A_value_beyond_its_declared_limit_is_a_400_naming_the_field(string body, string field, string says)
    {
        var problem = await PostAsync(body);

        Assert.Contains(says, Assert.Single(problem.GetProperty("errors").GetProperty(field).EnumerateArray()).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_body_binds_and_free_text_keeps_its_line_breaks()
    {
        using var response = await _client.PostAsync(new Uri("/places", UriKind.Relative),
            new StringContent("""{"name":"崇明体育馆","note":"东门\n西门","area":12.5,"kind":"Indoor","slots":[{"districts":["310151"]}],"opens":"2026-11-29T00:00:00Z"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("东门\n西门", answer.GetProperty("note").GetString());
        Assert.Equal("2026-11-29T08:00:00+08:00", answer.GetProperty("opens").GetString());
    }

    [Theory]
    [InlineData("/places?pageIndex=abc", "pageIndex", "whole number")]
    [InlineData("/places?pageIndex=1001", "pageIndex", "from 0 to 1000")]
    [InlineData("/places?q=a%01b", "q", "U+0001")]
    [InlineData("/places/a%07b", "code", "U+0007")]
    public async Task A_query_or_path_value_that_breaks_the_rules_is_a_400_naming_it(string url, string field, string says)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains(says, errors.GetProperty(field)[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_response_that_fails_half_way_is_a_clean_500_problem_not_a_200_cut_short()
    {
        using var response = await _client.GetAsync(new Uri("/broken", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(500, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_streaming_endpoint_is_not_held_back()
    {
        using var response = await _client.GetAsync(new Uri("/stream", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        Assert.Equal("data: first", await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)));
        _streamMayEnd.TrySetResult();
    }

    [Fact]
    public async Task The_OpenAPI_document_shows_each_declared_limit()
    {
        var schema = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))
            .RootElement.GetProperty("components").GetProperty("schemas").GetProperty("PlaceRequest").GetProperty("properties");

        Assert.Equal(10, schema.GetProperty("name").GetProperty("maxLength").GetInt32());
        Assert.Equal(50, schema.GetProperty("note").GetProperty("maxLength").GetInt32());
        Assert.Equal((0, 1000), (schema.GetProperty("area").GetProperty("minimum").GetInt32(), schema.GetProperty("area").GetProperty("maximum").GetInt32()));
        Assert.Equal(["indoor", "outdoor"], schema.GetProperty("kind").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(2, schema.GetProperty("slots").GetProperty("maxItems").GetInt32());
        Assert.Contains("string", schema.GetProperty("name").GetProperty("type").EnumerateArray().Select(t => t.GetString()));
        var kind = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement
            .GetProperty("paths").GetProperty("/places").GetProperty("get").GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "kind");
        Assert.Equal(["indoor", "outdoor"], kind.GetProperty("schema").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Times_are_answered_in_China_Standard_Time_and_documented_as_date_time_strings()
    {
        // The database's kindless DateTime is UTC.
        var answer = await _client.GetFromJsonAsync<JsonElement>(new Uri("/stamped", UriKind.Relative));
        var schemas = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))
            .RootElement.GetProperty("components").GetProperty("schemas");

        Assert.Equal(("2026-11-29T08:30:00+08:00", "2026-11-29T08:30:00+08:00", "2027-03-01"),
            (answer.GetProperty("at").GetString(), answer.GetProperty("scannedAt").GetString(), answer.GetProperty("expiry").GetString()));
        foreach (var (type, property, format) in new[]
        {
            ("Stamped", "at", "date-time"), ("Stamped", "since", "date-time"), ("Stamped", "scannedAt", "date-time"), ("Stamped", "expires", "date-time"),
            ("Stamped", "expiry", "date"), ("PlaceRequest", "opens", "date-time"),
        })
        {
            var schema = schemas.GetProperty(type).GetProperty("properties").GetProperty(property);
            Assert.True(schema.TryGetProperty("format", out var f) && f.GetString() == format, $"{type}.{property}: {schema}");
            Assert.True(schema.TryGetProperty("type", out var types), $"{type}.{property}: {schema}");
            Assert.Contains("string", types.ValueKind == JsonValueKind.Array ? types.EnumerateArray().Select(t => t.GetString()) : [types.GetString()]);
        }
    }

    private async Task<JsonElement> PostAsync(string body)
    {
        using var response = await _client.PostAsync(new Uri("/places", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    // Thousands of rows, then a failure: far past the first flush of an unbuffered response.
    private static IEnumerable<object> Rows()
    {
        for (var i = 0; i < 20_000; i++)
        {
            yield return new { id = i, name = "浦东新区应急避难场所" };
        }
        throw new InvalidOperationException("a row that cannot be read");
    }
}
