using System.Net;
using System.Net.Http.Json;
using System.Text;
using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Testing;
using Hazards.API.Apis;
using Hazards.API.Model;
using static Hazards.API.Tests.HazardTestData;

namespace Hazards.API.Tests;

public sealed class ProductCodeTests(HazardsFactory factory) : IClassFixture<HazardsFactory>, IAsyncLifetime
{
    private MessageRecorder _bus = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = factory.CreateClient();
        await ServiceChecks.AssertReadyAsync(_client);
        _bus = await new MessageRecorder(factory.EntityPrefix).Record<ProductCoded>().Record<EnterpriseRegistered>().StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _bus.DisposeAsync();
        _client.Dispose();
    }

    [Fact]
    public async Task A_registered_product_gets_a_readable_code_that_resolves_to_its_SDS_and_label()
    {
        var enterprise = await _client.RegisterAsync();

        var product = await _client.RegisterProductAsync(enterprise.Id);
        var resolved = await _client.GetFromJsonAsync<CodeResolution>($"/api/hazards/codes/{product.Code}", Json);

        Assert.Equal(FirstCode(enterprise), product.Code);
        // Unset ResolveBaseUrl: codes resolve through the gateway (PublicBaseUrl, default localhost:5080).
        Assert.Equal($"http://localhost:5080/api/hazards/codes/{product.Code}", product.ResolveUrl);
        Assert.Equal(enterprise.Id, resolved!.Enterprise.Id);
        Assert.Equal("氨", resolved.Chemical.NameZh);
        Assert.Equal(["GHS04", "GHS05", "GHS06", "GHS09"], resolved.Chemical.Pictograms);
        Assert.Equal(16, resolved.Sds.Sections.Count);
        Assert.Equal("化学品及企业标识", resolved.Sds.Sections[0].Title);
        Assert.Equal("021-57941119", resolved.Label.EmergencyPhone);
        Assert.Equal(0, resolved.Trace.Scans);
        var coded = await _bus.WaitForAsync<ProductCoded>(e => e.Code == product.Code);
        Assert.Equal(product.ResolveUrl, coded.Message.ResolveUrl);
        Assert.Null(coded.Message.ParentCode);
        await _bus.WaitForAsync<EnterpriseRegistered>(e => e.EnterpriseId == enterprise.Id);
    }

    /// <summary>Serial 1, or 2 when serial 1's check character would be '*' (never issued).</summary>
    private static string FirstCode(EnterpriseResponse e) =>
        Enumerable.Range(1, 2).Select(n => ProductCode.Compose(e.DistrictCode, e.ShortCode, n)).First(ProductCode.IsIssuable);

    [Fact]
    public async Task Every_single_substitution_and_adjacent_transposition_is_refused_before_any_lookup()
    {
        var enterprise = await _client.RegisterAsync();
        var code = (await _client.RegisterProductAsync(enterprise.Id)).Code;
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-";
        var mistyped = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < code.Length; i++)
        {
            foreach (var c in alphabet.Where(c => c != code[i]))
            {
                mistyped.Add(code[..i] + c + code[(i + 1)..]);
            }
            if (i < code.Length - 1 && code[i] != code[i + 1])
            {
                mistyped.Add(code[..i] + code[i + 1] + code[i] + code[(i + 2)..]);
            }
        }

        foreach (var wrong in mistyped)
        {
            using var response = await _client.GetAsync($"/api/hazards/codes/{Uri.EscapeDataString(wrong)}");
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{wrong} → {(int)response.StatusCode}");
            Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty("code", out _));
        }
        Assert.True(mistyped.Count > 600);
    }

    [Fact]
    public async Task A_retried_registration_returns_the_same_code_and_issues_no_other()
    {
        var enterprise = await _client.RegisterAsync();
        var key = Guid.NewGuid().ToString();

        using var first = await RegisterWithKeyAsync(enterprise.Id, key);
        using var retry = await RegisterWithKeyAsync(enterprise.Id, key);

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        var code = (await first.Content.ReadFromJsonAsync<ProductResponse>(Json))!.Code;
        Assert.Equal(code, (await retry.Content.ReadFromJsonAsync<ProductResponse>(Json))!.Code);
        var listed = await _client.GetFromJsonAsync<EmergencyOps.ServiceDefaults.PaginatedItems<ProductResponse>>($"/api/hazards/products?enterpriseId={enterprise.Id}", Json);
        Assert.Equal([code], listed!.Data.Select(p => p.Code));
    }

    private Task<HttpResponseMessage> RegisterWithKeyAsync(Guid enterpriseId, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/hazards/enterprises/{enterpriseId}/products") { Content = JsonContent.Create(Product(), options: Json) };
        request.Headers.Add("Idempotency-Key", key);
        return _client.SendAsync(request);
    }

    [Fact]
    public async Task An_unknown_code_with_a_valid_check_character_is_a_404()
    {
        var unknown = ProductCode.Compose("310151", "ZZZ", 999999);

        using var response = await _client.GetAsync($"/api/hazards/codes/{unknown}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (await response.ProblemAsync()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task The_QR_image_is_a_PNG_by_default_and_SVG_on_request()
    {
        var enterprise = await _client.RegisterAsync();
        var code = (await _client.RegisterProductAsync(enterprise.Id)).Code;

        using var png = await _client.GetAsync($"/api/hazards/codes/{code}/qr");
        using var svg = await _client.GetAsync($"/api/hazards/codes/{code}/qr?format=svg");
        using var accept = new HttpRequestMessage(HttpMethod.Get, $"/api/hazards/codes/{code}/qr");
        accept.Headers.Accept.ParseAdd("image/svg+xml");
        using var negotiated = await _client.SendAsync(accept);
        using var bad = await _client.GetAsync($"/api/hazards/codes/{code}/qr?format=gif");

        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, (await png.Content.ReadAsByteArrayAsync())[..8]);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", Encoding.UTF8.GetString(await svg.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        Assert.Equal("image/svg+xml", negotiated.Content.Headers.ContentType?.MediaType);
        Assert.True((await bad.ProblemAsync()).GetProperty("errors").TryGetProperty("format", out _));
    }

    [Fact]
    public async Task Revising_the_SDS_and_label_keeps_the_code_and_the_history()
    {
        var enterprise = await _client.RegisterAsync();
        var code = (await _client.RegisterProductAsync(enterprise.Id)).Code;
        var revisedSds = new SdsRequest([.. HazardExamples.Sds.Sections!.Select(s => s.Number == 4 ? s with { Content = "吸入: 迅速脱离现场至空气新鲜处 (2026 修订)" } : s)]);

        using var sds = await _client.PutAsJsonAsync($"/api/hazards/codes/{code}/sds", revisedSds, Json);
        using var label = await _client.PutAsJsonAsync($"/api/hazards/codes/{code}/label", HazardExamples.Label with { EmergencyPhone = "021-57940119" }, Json);
        var resolved = await _client.GetFromJsonAsync<CodeResolution>($"/api/hazards/codes/{code}", Json);
        var sdsHistory = await _client.GetFromJsonAsync<List<SdsResponse>>($"/api/hazards/codes/{code}/sds/history", Json);
        var labelHistory = await _client.GetFromJsonAsync<List<LabelResponse>>($"/api/hazards/codes/{code}/label/history", Json);

        Assert.Equal(HttpStatusCode.OK, sds.StatusCode);
        Assert.Equal(HttpStatusCode.OK, label.StatusCode);
        Assert.Equal(code, resolved!.Code);
        Assert.Equal(2, resolved.Sds.Revision);
        Assert.Contains("2026 修订", resolved.Sds.Sections[3].Content, StringComparison.Ordinal);
        Assert.Equal("021-57940119", resolved.Label.EmergencyPhone);
        Assert.Equal([2, 1], sdsHistory!.Select(r => r.Revision));
        Assert.Equal([2, 1], labelHistory!.Select(r => r.Revision));
        Assert.Equal("021-57941119", labelHistory![1].EmergencyPhone);
    }

    [Theory]
    [InlineData("sds.sections")]
    [InlineData("label.emergencyPhone")]
    [InlineData("label.pictograms")]
    [InlineData("cas")]
    public async Task An_incomplete_product_is_a_400_naming_the_field_and_issues_no_code(string field)
    {
        var enterprise = await _client.RegisterAsync();
        var request = field switch
        {
            "sds.sections" => Product() with { Sds = new SdsRequest(HazardExamples.Sds.Sections!.Take(15).ToList()) },
            "label.emergencyPhone" => Product() with { Label = HazardExamples.Label with { EmergencyPhone = "" } },
            "label.pictograms" => Product() with { Label = HazardExamples.Label with { Pictograms = ["GHS06", "GHS07"] } },
            _ => Product("7664-41-8"),
        };

        using var response = await _client.PostAsJsonAsync($"/api/hazards/enterprises/{enterprise.Id}/products", request, Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ProblemAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
        Assert.Equal(FirstCode(enterprise), (await _client.RegisterProductAsync(enterprise.Id)).Code);
    }
}
