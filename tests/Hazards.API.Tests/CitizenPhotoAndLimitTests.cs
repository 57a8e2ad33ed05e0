using System.Net;
using System.Net.Http.Json;
using EmergencyOps.Testing;
using Hazards.API.Apis;
using Hazards.API.Model;
using static Hazards.API.Tests.CitizenTestData;
using static Hazards.API.Tests.HazardTestData;

namespace Hazards.API.Tests;

/// <summary>A citizen's photos (checked by their bytes, served only to regulators and the enterprise) and the per-address limit.</summary>
public sealed class CitizenPhotoAndLimitTests(HazardsFactory factory) : IClassFixture<HazardsFactory>
{
    [Fact]
    public async Task A_PNG_is_stored_and_served_to_the_regulator_and_the_enterprise_and_refused_to_another_enterprise()
    {
        using var regulator = factory.CreateClient().AsRegulator();
        using var bureau = factory.CreateClient();
        var enterprise = await bureau.RegisterAsync();
        var other = await bureau.RegisterAsync();
        using var owner = factory.CreateClient().ForEnterprise(enterprise);
        using var stranger = factory.CreateClient().ForEnterprise(other);
        var code = (await regulator.EnterpriseCodeAsync(enterprise.Id)).Code;
        var png = Convert.FromBase64String(HazardExamples.TinyPng);

        await factory.Citizen().ReportOkAsync(code, Report($"data:image/png;base64,{HazardExamples.TinyPng}"));
        var danger = Assert.Single(await regulator.CitizenDangersAsync(enterprise.Id));
        var photo = $"/api/hazards/hidden-dangers/{danger.Id}/photos/1";

        using var forRegulator = await regulator.GetAsync(new Uri(photo, UriKind.Relative));
        using var forOwner = await owner.GetAsync(new Uri(photo, UriKind.Relative));
        using var forStranger = await stranger.GetAsync(new Uri(photo, UriKind.Relative));
        using var forNobody = await factory.Citizen().GetAsync(new Uri(photo, UriKind.Relative));
        using var second = await regulator.GetAsync(new Uri($"/api/hazards/hidden-dangers/{danger.Id}/photos/2", UriKind.Relative));
        var report = await regulator.GetFromJsonAsync<CitizenReportResponse>($"/api/hazards/hidden-dangers/{danger.Id}/citizen-report", Json);
        var ownersView = await owner.GetFromJsonAsync<CitizenReportResponse>($"/api/hazards/hidden-dangers/{danger.Id}/citizen-report", Json);

        Assert.Equal("image/png", forRegulator.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, await forRegulator.Content.ReadAsByteArrayAsync());
        Assert.Equal(png, await forOwner.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.Forbidden, forStranger.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forNobody.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.Equal([photo], report!.PhotoUrls);
        Assert.Equal((1, HazardExamples.CitizenReport.ContactName, HazardExamples.CitizenReport.ContactPhone), (report.Photos, report.ContactName, report.ContactPhone));
        Assert.Equal((1, (string?)null, (string?)null), (ownersView!.Photos, ownersView.ContactName, ownersView.ContactPhone));
    }

    [Fact]
    public async Task A_non_image_or_an_oversized_photo_is_a_400_naming_it_and_nothing_is_stored()
    {
        using var regulator = factory.CreateClient().AsRegulator();
        var enterprise = await factory.CreateClient().RegisterAsync();
        var code = (await regulator.EnterpriseCodeAsync(enterprise.Id)).Code;
        using var citizen = factory.Citizen();
        var big = new byte[CitizenPhotos.MaxBytes + 1];
        CitizenPhotos.PngMagic.CopyTo(big, 0);

        using var text = await citizen.PostAsJsonAsync(Reports(code), Report(Convert.ToBase64String("<html>not a photo</html>"u8.ToArray())), Json);
        using var notBase64 = await citizen.PostAsJsonAsync(Reports(code), Report(HazardExamples.TinyPng, "%%%"), Json);
        using var oversized = await citizen.PostAsJsonAsync(Reports(code), Report(Convert.ToBase64String(big)), Json);
        using var four = await citizen.PostAsJsonAsync(Reports(code), Report(HazardExamples.TinyPng, HazardExamples.TinyPng, HazardExamples.TinyPng, HazardExamples.TinyPng), Json);

        await text.FieldProblemAsync("photos[0]");
        await notBase64.FieldProblemAsync("photos[1]");
        Assert.Equal(HttpStatusCode.BadRequest, oversized.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, four.StatusCode);
        Assert.Empty(await regulator.CitizenDangersAsync(enterprise.Id));
    }

    [Fact]
    public async Task The_sixth_report_from_one_address_is_a_429_with_Retry_After_and_is_not_stored_while_another_address_may_report()
    {
        using var regulator = factory.CreateClient().AsRegulator();
        var enterprise = await factory.CreateClient().RegisterAsync();
        var code = (await regulator.EnterpriseCodeAsync(enterprise.Id)).Code;
        using var citizen = factory.Citizen("203.0.113.77");

        for (var i = 0; i < 5; i++)
        {
            await citizen.ReportOkAsync(code);
        }
        using var refused = await citizen.PostAsJsonAsync(Reports(code), Report(), Json);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 and <= 600 }, refused.Headers.RetryAfter?.ToString());
        Assert.Equal("Too many reports", (await refused.ProblemAsync()).GetProperty("title").GetString());
        Assert.Equal(5, (await regulator.CitizenDangersAsync(enterprise.Id)).Count);
        await factory.Citizen("203.0.113.78").ReportOkAsync(code);
        Assert.Equal(6, (await regulator.CitizenDangersAsync(enterprise.Id)).Count);
    }
}
