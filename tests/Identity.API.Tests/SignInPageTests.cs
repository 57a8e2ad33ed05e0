using System.Net;
using EmergencyOps.Identity.Client;

namespace Identity.API.Tests;

public sealed class SignInPageTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    [Fact]
    public async Task The_page_is_chinese_by_default_english_on_request_and_runs_no_script()
    {
        using var client = factory.CreateClient();
        using var chinese = await client.GetAsync("/account/login");
        var html = await chinese.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, chinese.StatusCode);
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("用户名", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        var csp = chinese.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);

        var english = await client.GetStringAsync("/account/login?lang=en");
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains("User name", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_signs_nobody_in_and_says_so_without_telling_which_part_was_wrong()
    {
        using var tokens = factory.Tokens();
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => tokens.SignInAsync("duty1", "wrong-password-here", null, default));
        Assert.Contains("answered 401", refused.Message, StringComparison.Ordinal);
        var unknown = await Assert.ThrowsAsync<InvalidOperationException>(() => tokens.SignInAsync("nobody", "wrong-password-here", null, default));
        Assert.Contains("answered 401", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "duty1", ["password"] = IdentityFactory.Passwords["duty1"] });
        using var response = await client.PostAsync("/account/login", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("EmergencyOps.Identity=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_return_address_never_leaves_the_authorization_endpoint()
    {
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync("/account/login?returnUrl=https%3A%2F%2Fevil.example%2F");
        Assert.Contains("name=\"returnUrl\" value=\"/connect/authorize\"", html, StringComparison.Ordinal);
    }
}
