using System.Net;
using System.Net.Sockets;

namespace Wharf.Server.Startup;

/// <summary>Checks that the API address is free before the host starts, so a clash is one sentence, not a stack trace.</summary>
public static class ListenCheck
{
    /// <summary>Null when the address can be listened on (or cannot be checked here), else why not.</summary>
    public static string? Problem(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Port == 0)
        {
            return null;
        }

        var address = uri.IsLoopback && uri.HostNameType == UriHostNameType.Dns ? IPAddress.Loopback
            : IPAddress.TryParse(uri.Host.Trim('[', ']'), out var parsed) ? parsed
            : null;
        if (address is null)
        {
            return null;
        }

        var listener = new TcpListener(address, uri.Port);
        try
        {
            listener.Start();
            return null;
        }
        catch (SocketException ex)
        {
            return $"Cannot listen on {url}: {ex.Message}. Is another wharf server running? Pick another address with --api or {ServerSettings.ApiUrlVariable}.";
        }
        finally
        {
            listener.Stop();
        }
    }
}
