using System.Net;
using System.Net.Http.Json;
using EmergencyOps.Testing;
using Hazards.API.Apis;
using Hazards.API.Model;
using Microsoft.AspNetCore.Hosting;
using static Hazards.API.Tests.HazardTestData;

namespace Hazards.API.Tests;

/// <summary>Enterprise codes and citizens' reports: anonymous clients from an address of their own (as the gateway forwards it).</summary>
internal static class CitizenTestData
{
    private static int _address;

    /// <summary>A member of the public at a fresh documentation address (RFC 5737), so each test has its own rate-limit budget.</summary>
    public static HttpClient Citizen(this Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory, string? address = null)
    {
        var client = factory.CreateClient().Anonymous();
        var n = Interlocked.Increment(ref _address);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address ?? $"198.51.{100 + n / 250}.{n % 250 + 1}");
        return client;
    }

    public static async Task<EnterpriseCodeResponse> EnterpriseCodeAsync(this HttpClient client, Guid enterpriseId) =>
        (await client.GetFromJsonAsync<EnterpriseCodeResponse>($"/api/hazards/enterprises/{enterpriseId}/code", Json))!;

    public static string Reports(string code) => $"/api/hazards/enterprise-codes/{code}/hidden-dangers";

    public static CitizenReportRequest Report(params string[] photos) =>
        HazardExamples.CitizenReport with { Description = $"围墙外闻到刺鼻气味 {Guid.NewGuid():N}", Photos = photos };

    public static async Task<CitizenReportReceipt> ReportOkAsync(this HttpClient citizen, string code, CitizenReportRequest? request = null)
    {
        using var response = await citizen.PostAsJsonAsync(Reports(code), request ?? Report(), Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<CitizenReportReceipt>(Json))!;
    }

    public static async Task<CitizenReceiptResponse> ReceiptAsync(this HttpClient citizen, string receipt) =>
        (await citizen.GetFromJsonAsync<CitizenReceiptResponse>($"/api/hazards/hidden-danger-receipts/{receipt}", Json))!;

    /// <summary>The citizen dangers of an enterprise as a regulator lists them.</summary>
    public static async Task<List<HiddenDangerSummary>> CitizenDangersAsync(this HttpClient regulator, Guid enterpriseId) =>
        [.. (await regulator.GetFromJsonAsync<EmergencyOps.ServiceDefaults.PaginatedItems<HiddenDangerSummary>>(
            $"{HiddenDangerTestData.Dangers(enterpriseId)}?pageSize=200", Json))!.Data.Where(d => d.Source == EmergencyOps.Contracts.Hazards.HiddenDangerSource.Citizen)];
}

/// <summary>A service whose citizen-report limit is out of the way: the bad-input suite sends hundreds of refused reports.</summary>
public sealed class GenerousLimitFactory : HazardsFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Hazards:CitizenReportPermits", "100000");
    }
}
