using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Wharf.Router.Listeners;

/// <summary>
/// The unix socket the API controls the router through: in a directory only the router's user can enter (0700),
/// itself owner-only (0600). Only requests that came in on it reach the control endpoints.
/// </summary>
internal static class ControlSocket
{
    private const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode SocketMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Makes the router directory (0700) and removes a socket file left by a router that is gone; throws
    /// <see cref="RouterStartupException"/> when a router still answers on it.
    /// </summary>
    /// <returns>True when a stale socket file was removed.</returns>
    public static bool Prepare(RouterOptions options)
    {
        Directory.CreateDirectory(options.RouterDirectory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(options.RouterDirectory, DirectoryMode);
        }

        var path = options.ControlSocketPath;
        if (!File.Exists(path))
        {
            return false;
        }

        if (Answers(path))
        {
            throw new RouterStartupException(
                $"Another router is already running for {options.DataDirectory} (its control socket {path} answers). Stop it first: kill $(cat {Path.Combine(options.RouterDirectory, "router.pid")}).");
        }

        File.Delete(path);
        return true;
    }

    /// <summary>Owner-only, once the server has created it (before that it sits in the owner-only directory).</summary>
    public static void Secure(string path)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(path))
        {
            File.SetUnixFileMode(path, SocketMode);
        }
    }

    /// <summary>Whether the request came in on a unix socket (the control socket), not on an app listener.</summary>
    /// <remarks>
    /// The control listener marks its connections (<see cref="Listen"/>). App listeners are TCP and always have a
    /// local IP, so app traffic costs one property read here.
    /// </remarks>
    public static bool IsControlRequest(HttpContext context) =>
        context.Connection.LocalIpAddress is null && context.Features.Get<ControlConnectionFeature>() is not null;

    /// <summary>Listens on the control socket (HTTP/1.1), marking each connection as a control connection.</summary>
    public static void Listen(KestrelServerOptions kestrel, string path) =>
        kestrel.ListenUnixSocket(path, listen =>
        {
            listen.Protocols = HttpProtocols.Http1;
            listen.Use(next => connection =>
            {
                connection.Features.Set(ControlConnectionFeature.Instance);
                return next(connection);
            });
        });

    private static bool Answers(string path)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(path));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
