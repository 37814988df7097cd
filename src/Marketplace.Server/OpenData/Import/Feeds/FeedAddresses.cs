using System.Net;
using System.Net.Sockets;

namespace Marketplace.Server.OpenData.Import.Feeds;

/// <summary>
/// Where the server may fetch a feed from: the public Internet only. An admin's address must not make the server read
/// its own machine, the operator's network or a cloud's metadata service (server-side request forgery), so loopback,
/// private, link-local, shared (CGNAT), multicast, unspecified, documentation and reserved ranges are refused, in IPv4
/// and IPv6, an IPv4 address written as IPv6 judged as the IPv4 address it is. The check is made on the address the
/// socket connects to (<see cref="FeedClient"/>), so a name that resolves elsewhere later cannot slip past it.
/// </summary>
public static class FeedAddresses
{
    /// <summary>Whether <paramref name="address"/> is a public unicast address of the Internet.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        Span<byte> b = stackalloc byte[16];
        address.TryWriteBytes(b, out var length);
        if (address.AddressFamily == AddressFamily.InterNetwork && length == 4)
            return !(b[0] == 0                                   // "this network" 0.0.0.0/8
                || b[0] == 10                                    // private
                || b[0] == 127                                   // loopback
                || (b[0] == 100 && (b[1] & 0xC0) == 64)          // shared address space (CGNAT) 100.64.0.0/10
                || (b[0] == 169 && b[1] == 254)                  // link-local, cloud metadata services
                || (b[0] == 172 && (b[1] & 0xF0) == 16)          // private 172.16.0.0/12
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)       // IETF protocol assignments
                || (b[0] == 192 && b[1] == 0 && b[2] == 2)       // documentation
                || (b[0] == 192 && b[1] == 88 && b[2] == 99)     // 6to4 relays
                || (b[0] == 192 && b[1] == 168)                  // private
                || (b[0] == 198 && (b[1] & 0xFE) == 18)          // benchmarking 198.18.0.0/15
                || (b[0] == 198 && b[1] == 51 && b[2] == 100)    // documentation
                || (b[0] == 203 && b[1] == 0 && b[2] == 113)     // documentation
                || b[0] >= 224);                                 // multicast, reserved, broadcast
        if (address.AddressFamily != AddressFamily.InterNetworkV6 || length != 16) return false;
        // Only global unicast (2000::/3) is public; within it, the ranges that are not one host on the Internet are refused:
        // IETF protocol assignments and Teredo (2001::/23), documentation (2001:db8::/32) and 6to4 (2002::/16), which
        // carry or stand for IPv4 addresses that this check could not see. Loopback, unspecified, IPv4-compatible,
        // NAT64, unique local (fc00::/7), link-local, site-local and multicast are all outside 2000::/3.
        return (b[0] & 0xE0) == 0x20
            && !(b[0] == 0x20 && b[1] == 0x01 && b[2] <= 0x01)
            && !(b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8)
            && !(b[0] == 0x20 && b[1] == 0x02);
    }
}

/// <summary>How feeds are fetched (<c>OpenData:Import:Feeds</c>, docs/open-data.md).</summary>
public sealed class FeedOptions
{
    /// <summary>
    /// Lets feeds be fetched from this machine's loopback addresses (127.0.0.0/8, ::1) too. For tests, which serve a
    /// package on 127.0.0.1 without the Internet; never in production, where it would let an admin read the server's own
    /// services. Every other non-public address stays refused.
    /// </summary>
    public bool AllowLoopback { get; set; }

    /// <summary>How long one fetch may take, from connecting to the package's last byte.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often each node looks for feeds that are due.</summary>
    public TimeSpan PollEvery { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a node's claim on a feed it fetches lasts: longer than a fetch and its import take.</summary>
    public TimeSpan ClaimFor { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How many feeds a space may have.</summary>
    public int MaxPerSpace { get; set; } = 20;

    /// <summary>Whether the server may connect to <paramref name="address"/>.</summary>
    public bool Allows(IPAddress address) =>
        FeedAddresses.IsPublic(address) || (AllowLoopback && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address));
}
