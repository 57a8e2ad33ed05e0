using System.Net;
using System.Net.Sockets;

namespace Webhooks.API.Infrastructure;

/// <summary>
/// Which addresses a webhook may reach (SSRF): public unicast only. Refused: unspecified, loopback, link-local, private
/// (RFC 1918), shared (CGNAT, RFC 6598), multicast, broadcast and reserved IPv4; IPv6 unspecified, loopback,
/// link-local, site-local, unique-local, multicast and documentation; and any IPv6 form that carries an IPv4 address
/// (mapped, compatible, NAT64, 6to4, Teredo) when that address is refused.
/// </summary>
public static class NetworkPolicy
{
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return IsPublicV4(address.GetAddressBytes());
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            return IsPublicV4(address.MapToIPv4().GetAddressBytes());
        }
        var b = address.GetAddressBytes();
        if (address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6Loopback) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal
            || address.IsIPv6Multicast || (b[0] & 0xFE) == 0xFC)
        {
            return false;
        }
        // ::a.b.c.d (IPv4-compatible, deprecated) and 64:ff9b::a.b.c.d (NAT64) reach the IPv4 address they embed.
        if (b.Take(12).All(x => x == 0) || (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b.Skip(4).Take(8).All(x => x == 0)))
        {
            return IsPublicV4(b[12..]);
        }
        // 6to4 (2002:a.b.c.d::/48) reaches the IPv4 address it embeds.
        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return IsPublicV4(b[2..6]);
        }
        // Teredo (2001:0::/32) hides an IPv4 address; documentation (2001:db8::/32) is never routed.
        return !(b[0] == 0x20 && b[1] == 0x01 && ((b[2] == 0 && b[3] == 0) || (b[2] == 0x0D && b[3] == 0xB8)));
    }

    private static bool IsPublicV4(byte[] b) => b switch
    {
        [0, ..] => false,                                  // this network, 0.0.0.0
        [10, ..] => false,                                 // RFC 1918
        [100, >= 64 and <= 127, ..] => false,              // shared address space (CGNAT)
        [127, ..] => false,                                // loopback
        [169, 254, ..] => false,                           // link-local (cloud metadata lives here)
        [172, >= 16 and <= 31, ..] => false,               // RFC 1918
        [192, 0, 0, _] => false,                           // IETF protocol assignments
        [192, 0, 2, _] or [198, 51, 100, _] or [203, 0, 113, _] => false, // documentation
        [192, 168, ..] => false,                           // RFC 1918
        [198, 18 or 19, ..] => false,                      // benchmarking
        [>= 224, ..] => false,                             // multicast, reserved, broadcast
        _ => true,
    };
}
