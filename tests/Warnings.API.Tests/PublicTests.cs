using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using EmergencyOps.ServiceDefaults;
using EmergencyOps.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Warnings.API.Tests.WarningTestData;

namespace Warnings.API.Tests;

/// <summary>
/// What anyone reads without a token: real (Actual) warnings in force, their CAP documents and the Atom index. Exercises,
/// drafts and ended warnings stay out of the public list; an exercise's CAP answers 404 without a token.
/// </summary>
public sealed class PublicTests(WarningsFactory factory) : IClassFixture<WarningsFactory>, IAsyncLifetime
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private HttpClient _centre = null!;
    private HttpClient _anonymous = null!;

    public Task InitializeAsync()
    {
        _centre = factory.CreateClient().As("centre.duty");
        _anonymous = factory.CreateClient().Anonymous();
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _centre.Dispose();
        _anonymous.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_public_list_holds_real_active_warnings_with_public_fields_only()
    {
        var real = await _centre.IssueAsync(Typhoon(districts: [Chongming]));
        var drill = (await _centre.IssueAsync(Typhoon(districts: [Chongming], status: "Exercise"))).Id();
        var lifted = (await _centre.IssueAsync(Typhoon(districts: [Chongming]))).Id();
        await _centre.SendJsonAsync($"/api/warnings/{lifted}/lift", new { reason = "台风远离" });
        var draft = await _centre.IssueAsync(Typhoon(level: "red", districts: [Chongming]));
        Assert.Equal("draft", draft.Str("state"));

        var list = await _anonymous.GetJsonAsync($"/api/warnings/active?district={Chongming}&pageSize=200");

        var items = list.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal([real.Id()], items.Select(w => w.Id()));
        var item = items.Single();
        Assert.Equal(["cap", "districtCodes", "expires", "headline", "id", "level", "levelZh", "onset", "sent", "type", "typeName"],
            item.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(("typhoon", "台风", "orange", "上海市台风橙色预警"), (item.Str("type"), item.Str("typeName"), item.Str("level"), item.Str("headline")));
        Assert.Equal([Chongming], item.GetProperty("districtCodes").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal($"http://localhost:5080/api/warnings/{real.Id()}/cap", item.Str("cap"));
        Assert.Equal(real.GetProperty("current").GetProperty("expires").GetDateTimeOffset(), item.GetProperty("expires").GetDateTimeOffset());
        Assert.DoesNotContain(drill, items.Select(w => w.Id()));
        Assert.DoesNotContain(lifted, items.Select(w => w.Id()));
        Assert.DoesNotContain(draft.Id(), items.Select(w => w.Id()));
        using var bad = await _anonymous.GetAsync(new Uri("/api/warnings/active?district=999999", UriKind.Relative));
        await bad.FieldProblemAsync("district");
    }

    [Fact]
    public async Task An_exercises_cap_is_not_found_without_a_token_and_served_with_one()
    {
        var real = (await _centre.IssueAsync(Typhoon(districts: [Fengxian]))).Id();
        var drill = (await _centre.IssueAsync(Typhoon(districts: [Fengxian], status: "Exercise"))).Id();

        Assert.Equal("Actual", (await _anonymous.GetCapAsync(real)).Value("status"));
        Assert.Equal("Actual", (await _anonymous.GetCapAsync(real, 1)).Value("status"));
        foreach (var url in new[] { $"/api/warnings/{drill}/cap", $"/api/warnings/{drill}/versions/1/cap" })
        {
            using var hidden = await _anonymous.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }
        // A token without warnings:read (a monitoring station's) is the public as far as exercises go.
        using var station = factory.CreateClient();
        station.DefaultRequestHeaders.Add(DevelopmentAuthenticationHandler.ScopesHeader, "warnings:readings");
        using var stationCap = await station.GetAsync(new Uri($"/api/warnings/{drill}/cap", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, stationCap.StatusCode);
        Assert.Equal("Exercise", (await _centre.GetCapAsync(drill)).Value("status"));
        Assert.Equal("Exercise", (await _centre.GetCapAsync(drill, 1)).Value("status"));
    }

    [Fact]
    public async Task The_atom_index_is_public_and_lists_no_exercise()
    {
        var real = (await _centre.IssueAsync(Typhoon(districts: [Jinshan]))).Id();
        var drill = (await _centre.IssueAsync(Typhoon(districts: [Jinshan], status: "Exercise"))).Id();

        using var response = await _anonymous.GetAsync(new Uri("/api/warnings/cap.atom", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var links = XDocument.Parse(await response.Content.ReadAsStringAsync()).Descendants(Atom + "entry")
            .Select(e => e.Elements(Atom + "link").Single().Attribute("href")!.Value).ToList();
        Assert.Contains($"http://localhost:5080/api/warnings/{real}/cap", links);
        Assert.DoesNotContain(links, l => l.Contains(drill.ToString(), StringComparison.Ordinal));
        var authenticated = await _centre.GetStringAsync(new Uri("/api/warnings/cap.atom", UriKind.Relative));
        Assert.Contains(real.ToString(), authenticated, StringComparison.Ordinal);
        Assert.DoesNotContain(drill.ToString(), authenticated, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_token_everything_else_is_unauthorized()
    {
        var id = (await _centre.IssueAsync(Typhoon(districts: [Pudong]))).Id();

        foreach (var url in new[] { "/api/warnings", $"/api/warnings/{id}", $"/api/warnings/{id}/responses", "/api/warnings/feed", "/api/warnings/types", "/api/warnings/suggestions" })
        {
            using var refused = await _anonymous.GetAsync(new Uri(url, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
            Assert.True(refused.StatusCode == HttpStatusCode.Unauthorized, $"{url}: {refused.StatusCode}");
        }
        using var ack = await _anonymous.PostAsJsonAsync($"/api/warnings/{id}/acknowledgements", new { unit = "浦东新区应急管理局" });
        using var lift = await _anonymous.PostAsJsonAsync($"/api/warnings/{id}/lift", new { reason = "台风远离" });
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (ack.StatusCode, lift.StatusCode));
        var responses = await _centre.GetJsonAsync($"/api/warnings/{id}/responses");
        Assert.Equal(0, responses.GetProperty("acknowledged").GetInt32());
    }

    [Fact]
    public void Exactly_the_public_endpoints_allow_anonymous_callers()
    {
        using var client = factory.CreateClient();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/warnings", StringComparison.Ordinal) == true).ToList();

        var anonymous = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(e => e.RoutePattern.RawText!);

        Assert.Equal(["/api/warnings/active", "/api/warnings/cap.atom", "/api/warnings/{id:guid}/cap", "/api/warnings/{id:guid}/versions/{version:int}/cap"],
            anonymous.Order(StringComparer.Ordinal));
        Assert.True(endpoints.Count > 20);
    }
}
