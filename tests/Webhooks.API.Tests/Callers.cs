using EmergencyOps.ServiceDefaults;

namespace Webhooks.API.Tests;

/// <summary>Who calls, through the development test scheme: an integrator's client, or an administrator.</summary>
public static class Callers
{
    public const string Subscribe = "webhooks:subscribe";
    public const string Admin = "webhooks:admin";

    /// <summary>An integrator's machine client: its token's subject is its client id, and it holds webhooks:subscribe only.</summary>
    public static HttpClient Integrator(this HttpClient client, string clientId) => client.As(clientId, Subscribe);

    public static HttpClient Administrator(this HttpClient client) => client.As("admin", Subscribe, Admin);

    public static HttpClient As(this HttpClient client, string subject, params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.DefaultRequestHeaders.Add(DevelopmentAuthenticationHandler.UserHeader, subject);
        client.DefaultRequestHeaders.Add(DevelopmentAuthenticationHandler.SubjectHeader, subject);
        client.DefaultRequestHeaders.Add(DevelopmentAuthenticationHandler.ScopesHeader, string.Join(' ', scopes));
        return client;
    }
}
