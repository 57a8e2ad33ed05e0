using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using EmergencyOps.ServiceDefaults;

namespace EmergencyOps.Gateway.Extensions;

/// <summary>Who a request is counted against: its client when it carries a valid token, else the address it came from.</summary>
public readonly record struct ClientPartition(bool Authenticated, string Key)
{
    public override string ToString() => (Authenticated ? "client:" : "ip:") + Key;

    public static ClientPartition Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true && ClientOf(user) is { Length: > 0 } client)
        {
            return new ClientPartition(true, client);
        }
        return new ClientPartition(false, AddressOf(context.Connection.RemoteIpAddress));
    }

    // client_id names the application, else sub, else the name. A machine client's token has sub = client_id; a person's
    // token names the console's shared public client, so the person (sub) is added: one busy operator cannot spend the
    // whole watch floor's budget, and the floor is not throttled as one caller in an emergency.
    private static string? ClientOf(ClaimsPrincipal user)
    {
        var clientId = user.FindFirst(IdentityClaims.ClientId)?.Value;
        var subject = user.FindFirst(IdentityClaims.Subject)?.Value;
        return clientId is { Length: > 0 }
            ? subject is { Length: > 0 } && subject != clientId ? $"{clientId}/{subject}" : clientId
            : subject is { Length: > 0 } ? subject
            : user.Identity?.Name;
    }

    // One IPv6 host usually holds a whole /64 and could rotate through it: the /64 is the caller.
    private static string AddressOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }
        return address.ToString();
    }
}
