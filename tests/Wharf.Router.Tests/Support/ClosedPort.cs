using System.Net;
using System.Net.Sockets;

namespace Wharf.Router.Tests.Support;

public static class ClosedPort
{
    /// <summary>"127.0.0.1:PORT" where nothing listens (the kernel's pick, released at once): connecting is refused.</summary>
    public static string Address()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
    }
}
