using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Wharf.Core.Deployments;

/// <summary>Opens (and closes at once) a TCP connection to the address.</summary>
public sealed class TcpPortProbe : IPortProbe
{
    public async Task<bool> AcceptsAsync(string address, TimeSpan timeout, CancellationToken ct = default)
    {
        if (!TryParse(address, out var endpoint))
        {
            return false;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(endpoint, deadline.Token);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private static bool TryParse(string address, out EndPoint endpoint)
    {
        if (IPEndPoint.TryParse(address, out var ip) && ip.Port != 0)
        {
            endpoint = ip;
            return true;
        }

        var colon = address.LastIndexOf(':');
        if (colon > 0 && int.TryParse(address[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536)
        {
            endpoint = new DnsEndPoint(address[..colon], port);
            return true;
        }

        endpoint = new IPEndPoint(IPAddress.None, 0);
        return false;
    }
}
