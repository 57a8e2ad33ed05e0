using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EmergencyOps.Gateway.Tests;

public sealed class GatewayTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Theory]
    [InlineData("hazards")]
    [InlineData("warnings")]
    [InlineData("inventory")]
    [InlineData("shelters")]
    [InlineData("webhooks")]
    public async Task Each_area_reaches_its_own_service_with_path_query_and_body_intact(string area)
    {
        using var client = fixture.Gateway.CreateClient();

        using var response = await client.PostAsync($"/api/{area}/echo/items/42?district=310115", new StringContent("{\"n\":1}"));

        response.EnsureSuccessStatusCode();
        var echo = await response.Content.ReadFromJsonAsync<Echo>();
        Assert.NotNull(echo);
        Assert.Equal(area, echo.Service);
        Assert.Equal("POST", echo.Method);
        Assert.Equal($"/api/{area}/echo/items/42?district=310115", echo.PathAndQuery);
        Assert.Equal("{\"n\":1}", echo.Body);
        Assert.NotEmpty(echo.ForwardedHost);
    }

    [Fact]
    public async Task A_correlation_id_is_created_forwarded_and_returned()
    {
        using var client = fixture.Gateway.CreateClient();

        using var response = await client.GetAsync("/api/hazards/echo/x");

        var echo = await response.Content.ReadFromJsonAsync<Echo>();
        var returned = Assert.Single(response.Headers.GetValues("X-Correlation-ID"));
        Assert.True(Guid.TryParse(returned, out _));
        Assert.Equal(returned, echo!.CorrelationId);
    }

    [Fact]
    public async Task A_caller_correlation_id_is_kept()
    {
        using var client = fixture.Gateway.CreateClient();
        var id = Guid.NewGuid().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/shelters/echo/x");
        request.Headers.Add("X-Correlation-ID", id);

        using var response = await client.SendAsync(request);

        var echo = await response.Content.ReadFromJsonAsync<Echo>();
        Assert.Equal(id, echo!.CorrelationId);
        Assert.Equal(id, Assert.Single(response.Headers.GetValues("X-Correlation-ID")));
    }

    [Fact]
    public async Task An_unknown_path_is_a_problem_detail_404()
    {
        using var client = fixture.Gateway.CreateClient();

        using var response = await client.GetAsync("/api/nowhere/1");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Server_sent_events_pass_through_unbuffered()
    {
        using var client = fixture.Gateway.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/warnings/stream");

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        // The first event arrives while the service is still holding the second one back.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.Equal("id: 1", await reader.ReadLineAsync(timeout.Token));
        Assert.Equal("data: first", await reader.ReadLineAsync(timeout.Token));
        Assert.False(fixture.Warnings.ReleaseSecondEvent.Task.IsCompleted);

        fixture.Warnings.ReleaseSecondEvent.SetResult();
        Assert.Equal("", await reader.ReadLineAsync(timeout.Token));
        Assert.Equal("id: 2", await reader.ReadLineAsync(timeout.Token));
        Assert.Equal("data: second", await reader.ReadLineAsync(timeout.Token));
    }

    [Fact]
    public async Task An_event_stream_ends_as_soon_as_the_gateway_starts_to_stop_so_its_subscriber_reconnects_elsewhere()
    {
        using var gateway = fixture.With();
        using var client = gateway.CreateClient();
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/hazards/stream"), HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.Equal("id: 1", await reader.ReadLineAsync(timeout.Token));

        // The service still holds its second event back: only the gateway's stopping can end the stream now.
        gateway.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        var ended = await Record.ExceptionAsync(async () =>
        {
            while (await reader.ReadLineAsync(timeout.Token) is not null)
            {
            }
        });
        Assert.True(ended is null or IOException or HttpRequestException, ended?.ToString());
        Assert.False(timeout.IsCancellationRequested);
        Assert.False(fixture.Hazards.ReleaseSecondEvent.Task.IsCompleted);
    }

    [Fact]
    public async Task Each_service_openapi_document_is_served_by_the_gateway()
    {
        using var client = fixture.Gateway.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/inventory/v1.json"));

        Assert.Equal("inventory", document.RootElement.GetProperty("info").GetProperty("title").GetString());
    }
}
