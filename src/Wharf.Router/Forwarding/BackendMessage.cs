using System.Net;

namespace Wharf.Router.Forwarding;

/// <summary>
/// A request to one backend: its URI's host names the backend's connection pool (<see cref="Routing.ILiveBackend.ConnectionPool"/>),
/// and <see cref="Address"/> is where a new connection of that pool goes.
/// </summary>
internal sealed class BackendMessage(string address) : HttpRequestMessage
{
    /// <summary>"IP:PORT" (or "NAME:PORT").</summary>
    public string Address { get; } = address;

    /// <summary>Where a connection for <paramref name="request"/> goes: the address it carries.</summary>
    /// <exception cref="InvalidOperationException">The request did not come from <see cref="BackendRequest"/>.</exception>
    public static DnsEndPoint EndPointOf(HttpRequestMessage request)
    {
        if (request is not BackendMessage message)
        {
            throw new InvalidOperationException($"The backend client only sends requests made by {nameof(BackendRequest)}; got one for {request.RequestUri}.");
        }

        var uri = new Uri("http://" + message.Address);
        return new DnsEndPoint(uri.DnsSafeHost, uri.Port);
    }
}
