using System.Net;
using System.Net.Sockets;

namespace Wharf.Runtime.Docker.Tests.TestSupport;

public static class FreePort
{
    /// <summary>A loopback port nothing listens on right now (the kernel's pick, released at once).</summary>
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
