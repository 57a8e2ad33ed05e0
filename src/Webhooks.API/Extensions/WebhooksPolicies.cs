using EmergencyOps.ServiceDefaults;

namespace Webhooks.API.Extensions;

/// <summary>The webhooks service's authorization policies, one per scope; the identity service issues the scopes.</summary>
public static class WebhooksPolicies
{
    /// <summary>Integrators: subscribe, and manage and replay their own subscriptions only (owner = the token's client).</summary>
    public const string Subscribe = "webhooks:subscribe";

    /// <summary>Administrators: every subscription, and endpoints on private networks.</summary>
    public const string Admin = "webhooks:admin";

    /// <summary>Every endpoint: an integrator's own subscriptions, or an administrator's all; the handler tells them apart.</summary>
    public static AnyScopeAttribute SubscriberOrAdmin => new(Subscribe, Admin);

    public static readonly IReadOnlyCollection<string> All = [Subscribe, Admin];
}
