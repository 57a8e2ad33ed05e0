using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Testing;
using Hazards.API.Model;
using QRCoder;
using static Hazards.API.Tests.HazardTestData;

namespace Hazards.API.Tests;

/// <summary>The enterprise code (企业码): its QR image, and its public page (扫码即知) with exactly the public fields.</summary>
public sealed class EnterpriseCodeTests(HazardsFactory factory) : IClassFixture<HazardsFactory>
{
    [Fact]
    public async Task The_public_page_shows_name_address_risk_colour_hazard_levels_phone_and_how_to_report_and_nothing_else()
    {
        using var bureau = factory.CreateClient();
        var enterprise = await bureau.RegisterAsync();
        var unit = await bureau.DeclareAsync(enterprise.Id, Unit(10, (Chlorine, 10m)));
        await bureau.AddRiskPointAsync(enterprise.Id, RiskTestData.RiskPoint(3, 6, 15)); // D 270: orange
        using var accepted = await bureau.ReviewAsync(enterprise.Id, (await bureau.FileAsync(enterprise.Id)).Filing.Version, "accept");
        await bureau.AddRiskPointAsync(enterprise.Id, RiskTestData.RiskPoint(10, 10, 40)); // red, filed but not accepted: not shown
        await bureau.FileAsync(enterprise.Id);
        var code = await bureau.EnterpriseCodeAsync(enterprise.Id);
        using var citizen = factory.Citizen();

        using var response = await citizen.GetAsync(new Uri(code.PublicUrl).PathAndQuery);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var info = JsonSerializer.Deserialize<PublicEnterpriseInformation>(body, Json)!;
        Assert.Equal((code.Code, enterprise.Name, enterprise.Address, enterprise.DistrictCode, enterprise.Phone), (info.Code, info.Name, info.Address, info.DistrictCode, info.EmergencyPhone));
        Assert.Equal((RiskColour.Orange, "橙", "较大风险"), (info.RiskColour!.Value, info.RiskColourName, info.RiskLevelName));
        Assert.True(unit.IsMajorHazard);
        Assert.Equal([new PublicMajorHazard(unit.Level!.Value, unit.LevelName)], info.MajorHazards);
        Assert.Equal((code.ReportUrl, "POST"), (info.Report.Url, info.Report.Method));
        var root = JsonDocument.Parse(body).RootElement;
        Assert.Equal(["address", "code", "districtCode", "districtName", "emergencyPhone", "majorHazards", "name", "report", "riskColour", "riskColourName", "riskLevelName"],
            root.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["level", "levelName"], root.GetProperty("majorHazards")[0].EnumerateObject().Select(p => p.Name));
        foreach (var secret in new[] { enterprise.CreditCode, enterprise.Id.ToString(), enterprise.Contact, unit.Name, unit.UnitId.ToString(), "latitude", "creditCode", "contact\"", "\"s\"", "\"r\"" })
        {
            Assert.DoesNotContain(secret, body, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Without_an_accepted_filing_the_colour_is_null_and_the_code_is_stable()
    {
        using var bureau = factory.CreateClient();
        var enterprise = await bureau.RegisterAsync();
        var first = await bureau.EnterpriseCodeAsync(enterprise.Id);

        var again = await bureau.EnterpriseCodeAsync(enterprise.Id);
        var info = (await factory.Citizen().GetFromJsonAsync<PublicEnterpriseInformation>($"/api/hazards/enterprise-codes/{first.Code}/public", Json))!;

        Assert.Equal(first, again);
        Assert.Equal(EnterpriseCodes.Derive(enterprise.Id), first.Code);
        Assert.True(EnterpriseCodes.IsValid(first.Code));
        Assert.Null(info.RiskColour);
        Assert.Empty(info.MajorHazards);
        Assert.Equal($"http://localhost:5080/api/hazards/enterprise-codes/{first.Code}/public", first.PublicUrl);
    }

    [Fact]
    public async Task The_QR_image_encodes_the_public_URL_as_PNG_or_SVG()
    {
        using var bureau = factory.CreateClient();
        var enterprise = await bureau.RegisterAsync();
        var code = await bureau.EnterpriseCodeAsync(enterprise.Id);

        using var png = await bureau.GetAsync(new Uri(code.QrPngUrl, UriKind.Relative));
        using var svg = await bureau.GetAsync(new Uri(code.QrSvgUrl, UriKind.Relative));
        using var bad = await bureau.GetAsync(new Uri($"/api/hazards/enterprises/{enterprise.Id}/code/qr?format=gif", UriKind.Relative));

        // The same content at the same level and size gives the same image: the PNG is the public URL's QR, nothing else.
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(code.PublicUrl, QRCodeGenerator.ECCLevel.Q);
        using var expected = new PngByteQRCode(data);
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected.GetGraphic(10), await png.Content.ReadAsByteArrayAsync());
        using var expectedSvg = new SvgQRCode(data);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expectedSvg.GetGraphic(10), await svg.Content.ReadAsStringAsync());
        await bad.FieldProblemAsync("format");
    }

    [Fact]
    public async Task An_enterprise_reads_its_own_code_only_and_the_public_without_a_token_only_the_public_page()
    {
        using var bureau = factory.CreateClient();
        var enterprise = await bureau.RegisterAsync();
        var other = await bureau.RegisterAsync();
        using var owner = factory.CreateClient().ForEnterprise(enterprise);
        var code = await owner.EnterpriseCodeAsync(enterprise.Id);
        using var citizen = factory.Citizen();

        using var others = await owner.GetAsync(new Uri($"/api/hazards/enterprises/{other.Id}/code", UriKind.Relative));
        using var othersQr = await owner.GetAsync(new Uri($"/api/hazards/enterprises/{other.Id}/code/qr", UriKind.Relative));
        using var anonymous = await citizen.GetAsync(new Uri($"/api/hazards/enterprises/{enterprise.Id}/code", UriKind.Relative));
        var unknownCode = EnterpriseCodes.Derive(Guid.NewGuid());
        using var unknown = await citizen.GetAsync(new Uri($"/api/hazards/enterprise-codes/{unknownCode}/public", UriKind.Relative));
        using var mistyped = await citizen.GetAsync(new Uri($"/api/hazards/enterprise-codes/{code.Code[..^1]}{(code.Code[^1] == 'A' ? 'B' : 'A')}/public", UriKind.Relative));
        using var lower = await citizen.GetAsync(new Uri($"/api/hazards/enterprise-codes/{code.Code.ToLowerInvariant()}/public", UriKind.Relative));

        Assert.Equal(EnterpriseCodes.Derive(enterprise.Id), code.Code);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (others.StatusCode, othersQr.StatusCode));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await mistyped.FieldProblemAsync("code");
        Assert.Equal(HttpStatusCode.OK, lower.StatusCode);
    }
}
