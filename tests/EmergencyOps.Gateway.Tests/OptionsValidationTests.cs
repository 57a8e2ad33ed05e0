using EmergencyOps.Gateway.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EmergencyOps.Gateway.Tests;

public sealed class OptionsValidationTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Theory]
    [InlineData("/api/Hazards")]
    [InlineData("/api/hazards/")]
    [InlineData("api/hazards")]
    [InlineData("/api/../admin")]
    [InlineData("/api//hazards")]
    [InlineData("/")]
    public void A_malformed_path_prefix_is_refused(string prefix)
    {
        var options = Gateway(("hazards", [prefix]));

        Assert.Contains(prefix, Failure(options), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_services_may_not_claim_one_prefix_and_each_needs_one()
    {
        Assert.Contains("claimed by both", Failure(Gateway(("hazards", ["/api/hazards"]), ("copy", ["/api/hazards"]))), StringComparison.Ordinal);
        Assert.Contains("at least one path prefix", Failure(Gateway(("identity", []))), StringComparison.Ordinal);
    }

    [Fact]
    public void Several_prefixes_with_dots_are_fine()
    {
        var options = Gateway(("identity", ["/connect", "/.well-known", "/account", "/api/identity"]));

        Assert.True(new DataAnnotationValidateOptions<GatewayOptions>(null).Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("https://portal.example.gov.cn/path")]
    [InlineData("portal.example.gov.cn")]
    [InlineData("ftp://portal.example.gov.cn")]
    public void A_cors_origin_must_be_exactly_an_origin(string origin)
    {
        var options = new GatewayCorsOptions { AllowedOrigins = { origin } };

        var result = new DataAnnotationValidateOptions<GatewayCorsOptions>(null).Validate(null, options);

        Assert.True(result.Failed);
    }

    [Fact]
    public void Limits_must_be_positive()
    {
        var options = new RateLimitOptions { ClientPermits = 0, Window = TimeSpan.Zero };

        var result = new DataAnnotationValidateOptions<RateLimitOptions>(null).Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(nameof(RateLimitOptions.ClientPermits), result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(nameof(RateLimitOptions.Window), result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_gateway_does_not_start_with_a_bad_setting()
    {
        using var gateway = fixture.With(("Gateway:TrustedProxies:0", "the ingress"), ("Gateway:RateLimits:AnonymousPermits", "0"));

        var failure = Assert.ThrowsAny<Exception>(() => gateway.Services.GetRequiredService<IOptions<GatewayOptions>>());

        Assert.Contains("the ingress", failure.ToString(), StringComparison.Ordinal);
    }

    private static GatewayOptions Gateway(params (string Name, string[] Prefixes)[] services)
    {
        var options = new GatewayOptions();
        foreach (var (name, prefixes) in services)
        {
            options.Services[name] = new ProxiedService { PathPrefixes = [.. prefixes] };
        }
        return options;
    }

    private static string Failure(GatewayOptions options)
    {
        var result = new DataAnnotationValidateOptions<GatewayOptions>(null).Validate(null, options);
        Assert.True(result.Failed);
        return result.FailureMessage;
    }
}
