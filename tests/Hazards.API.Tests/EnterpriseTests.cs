using System.Net;
using System.Net.Http.Json;
using EmergencyOps.ServiceDefaults;
using EmergencyOps.Testing;
using Hazards.API.Model;
using static Hazards.API.Tests.HazardTestData;

namespace Hazards.API.Tests;

public sealed class EnterpriseTests(HazardsFactory factory) : IClassFixture<HazardsFactory>
{
    [Fact]
    public async Task A_registered_enterprise_is_returned_with_its_district_name()
    {
        using var client = factory.CreateClient();
        // 91 310116 MA1J8K3X7 + T: Σ value×weight over the first 17 characters = 2795 ≡ 5 (mod 31), so the check is 31 − 5 = 26 → 'T'.
        var registered = await client.RegisterAsync(Enterprise("91310116MA1J8K3X7T"));

        var read = await client.GetFromJsonAsync<EnterpriseResponse>($"/api/hazards/enterprises/{registered.Id}", Json);

        Assert.Equal("91310116MA1J8K3X7T", read!.CreditCode);
        Assert.Equal("金山区", read.DistrictName);
        Assert.Equal("上海金山化工有限公司", read.Name);
    }

    [Theory]
    [InlineData("91310116MA1J8K3X7A", "should be 'T'")] // wrong check character
    [InlineData("91310116MA1J8K3XT7", "should be")]      // last two characters swapped
    [InlineData("91310116MA1J8K3X7", "18 characters")]   // one short
    [InlineData("91310116MA1J8K3XIT", "no I, O, S, V, Z")] // I is not in the alphabet
    public async Task A_wrong_credit_code_is_a_400_naming_creditCode_and_stores_nothing(string creditCode, string explanation)
    {
        using var client = factory.CreateClient();
        var request = Enterprise(creditCode, name: $"invalid-{Guid.NewGuid():N}");

        using var response = await client.PostAsJsonAsync("/api/hazards/enterprises", request, Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.ProblemAsync()).GetProperty("errors").GetProperty("creditCode")[0].GetString();
        Assert.Contains(explanation, message, StringComparison.Ordinal);
        var all = await client.GetFromJsonAsync<PaginatedItems<EnterpriseResponse>>("/api/hazards/enterprises?pageSize=200", Json);
        Assert.DoesNotContain(all!.Data, e => e.Name == request.Name);
    }

    [Theory]
    [InlineData("districtCode", "110101", 30.72, 121.33)] // Beijing Dongcheng
    [InlineData("latitude", "310116", 39.90, 116.40)]    // Beijing coordinates
    public async Task Places_outside_Shanghai_are_400s_naming_the_field(string field, string district, double lat, double lon)
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/hazards/enterprises", Enterprise(district: district, lat: lat, lon: lon) with { DistrictCode = district }, Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task A_duplicate_credit_code_is_a_409_naming_the_registered_enterprise()
    {
        using var client = factory.CreateClient();
        var code = NewCreditCode();
        var first = await client.RegisterAsync(Enterprise(code));

        using var response = await client.PostAsJsonAsync("/api/hazards/enterprises", Enterprise(code, name: "另一家公司"), Json);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Contains(code, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(first.Id, problem.GetProperty("enterpriseId").GetGuid());
    }

    [Fact]
    public async Task Concurrent_registrations_of_one_credit_code_register_it_once()
    {
        using var client = factory.CreateClient();
        var request = Enterprise();

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            using var response = await client.PostAsJsonAsync("/api/hazards/enterprises", request, Json);
            return response.StatusCode;
        }));

        Assert.Single(answers, s => s == HttpStatusCode.Created);
        Assert.All(answers.Where(s => s != HttpStatusCode.Created), s => Assert.Equal(HttpStatusCode.Conflict, s));
    }

    [Fact]
    public async Task Enterprises_are_listed_by_district_with_paging()
    {
        using var client = factory.CreateClient();
        var a = await client.RegisterAsync(Enterprise(district: "310151", lat: 31.62, lon: 121.40, name: "崇明一号化工"));
        var b = await client.RegisterAsync(Enterprise(district: "310151", lat: 31.62, lon: 121.40, name: "崇明二号化工"));
        await client.RegisterAsync(Enterprise(district: "310115", lat: 31.22, lon: 121.54, name: "浦东公司"));

        var first = await client.GetFromJsonAsync<PaginatedItems<EnterpriseResponse>>("/api/hazards/enterprises?district=310151&pageSize=1", Json);
        var second = await client.GetFromJsonAsync<PaginatedItems<EnterpriseResponse>>("/api/hazards/enterprises?district=310151&pageSize=1&pageIndex=1", Json);

        Assert.Equal(2, first!.Count);
        Assert.Equal([a.Id, b.Id], [first.Data.Single().Id, second!.Data.Single().Id]);
    }

    [Fact]
    public async Task Unknown_enterprises_and_districts_are_problems()
    {
        using var client = factory.CreateClient();

        using var missing = await client.GetAsync($"/api/hazards/enterprises/{Guid.NewGuid()}");
        using var badDistrict = await client.GetAsync("/api/hazards/enterprises?district=999999");

        Assert.Equal(404, (await missing.ProblemAsync()).GetProperty("status").GetInt32());
        Assert.True((await badDistrict.ProblemAsync()).GetProperty("errors").TryGetProperty("district", out _));
    }
}
