using EmergencyOps.ServiceDefaults;

namespace EmergencyOps.Testing;

/// <summary>Who a request comes from in the services' in-process tests (the development test scheme's headers).</summary>
public static class TestCallers
{
    /// <summary>No identity at all, as a member of the public: only the anonymous endpoints answer, the rest 401.</summary>
    public static HttpClient Anonymous(this HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.DefaultRequestHeaders.Add(DevelopmentAuthenticationHandler.AnonymousHeader, "1");
        return client;
    }
}
