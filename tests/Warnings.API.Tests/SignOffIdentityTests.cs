using System.Net;
using System.Net.Http.Json;
using EmergencyOps.ServiceDefaults;
using EmergencyOps.Testing;
using static Warnings.API.Tests.WarningTestData;

namespace Warnings.API.Tests;

/// <summary>
/// 审核签发 needs a second person, and a person is an identity (the token's <c>sub</c>), not a name: two officers may
/// share a name, and one officer's name may change between drafting and signing.
/// </summary>
public sealed class SignOffIdentityTests(WarningsFactory factory) : IClassFixture<WarningsFactory>
{
    [Fact]
    public async Task A_second_officer_with_the_drafters_name_may_sign_off_a_red_draft()
    {
        using var drafter = Officer("zhang.wei", "person-0001");
        using var namesake = Officer("zhang.wei", "person-0002");
        var id = (await drafter.IssueAsync(Typhoon(level: "red"))).Id();

        var signed = await namesake.SendJsonAsync($"/api/warnings/{id}/sign-off", new { approve = true });

        Assert.Equal(("active", "zhang.wei", "zhang.wei"), (signed.Str("state"), signed.GetProperty("current").Str("author"), signed.GetProperty("current").Str("signedOffBy")));
    }

    [Fact]
    public async Task The_drafter_under_another_name_is_still_the_drafter_and_nothing_changes()
    {
        using var drafter = Officer("zhang.wei", "person-0003");
        using var renamed = Officer("zhang.wei (shift leader)", "person-0003");
        var id = (await drafter.IssueAsync(Typhoon(level: "red"))).Id();

        using var self = await renamed.PostAsJsonAsync($"/api/warnings/{id}/sign-off", new { approve = true });

        Assert.Equal(HttpStatusCode.Conflict, self.StatusCode);
        Assert.Equal("Second person required", (await self.ProblemAsync()).Str("title"));
        Assert.Equal("draft", (await drafter.GetJsonAsync($"/api/warnings/{id}")).Str("state"));
    }

    [Fact]
    public async Task An_escalation_is_signed_off_by_identity_too()
    {
        using var proposer = Officer("li.na", "person-0004");
        using var samePerson = Officer("li.na (night)", "person-0004");
        using var namesake = Officer("li.na", "person-0005");
        var id = (await proposer.IssueAsync(Typhoon(level: "orange"))).Id();
        using (var proposal = await proposer.PostAsJsonAsync($"/api/warnings/{id}/updates", new { level = "red", note = "台风加强" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, proposal.StatusCode);
        }

        using (var self = await samePerson.PostAsJsonAsync($"/api/warnings/{id}/sign-off", new { approve = true }))
        {
            Assert.Equal(HttpStatusCode.Conflict, self.StatusCode);
            Assert.Equal("Second person required", (await self.ProblemAsync()).Str("title"));
        }
        var signed = await namesake.SendJsonAsync($"/api/warnings/{id}/sign-off", new { approve = true });
        Assert.Equal(("red", 2), (signed.Str("level"), signed.GetProperty("current").GetProperty("version").GetInt32()));
    }

    private HttpClient Officer(string name, string subject)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(DevelopmentAuthenticationHandler.UserHeader, name);
        client.DefaultRequestHeaders.Add(DevelopmentAuthenticationHandler.SubjectHeader, subject);
        return client;
    }
}
