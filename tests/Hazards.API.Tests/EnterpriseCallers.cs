using EmergencyOps.ServiceDefaults;
using Hazards.API.Model;

namespace Hazards.API.Tests;

/// <summary>Clients as the identity service issues them to an enterprise (bound, three scopes) and to a regulator (unbound: reads, and reviews risk-list filings).</summary>
internal static class EnterpriseCallers
{
    public const string EnterpriseScopes = "hazards:read hazards:write-own hazards:scan";

    /// <summary>An enterprise client whose token names it by its credit code, or by its registry id.</summary>
    public static HttpClient ForEnterprise(this HttpClient client, EnterpriseResponse enterprise, bool byCreditCode = true)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(enterprise);
        client.DefaultRequestHeaders.Add(DevelopmentAuthenticationHandler.UserHeader, $"client-{enterprise.ShortCode}");
        client.DefaultRequestHeaders.Add(DevelopmentAuthenticationHandler.ScopesHeader, EnterpriseScopes);
        client.DefaultRequestHeaders.Add(DevelopmentAuthenticationHandler.BindingHeader,
            $"{IdentityClaims.EnterpriseId}={(byCreditCode ? enterprise.CreditCode : enterprise.Id.ToString())}");
        return client;
    }

    public static HttpClient AsRegulator(this HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.DefaultRequestHeaders.Add(DevelopmentAuthenticationHandler.UserHeader, "regulator");
        client.DefaultRequestHeaders.Add(DevelopmentAuthenticationHandler.ScopesHeader, "hazards:read hazards:supervise");
        return client;
    }
}
