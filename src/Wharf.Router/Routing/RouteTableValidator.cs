using System.Globalization;
using System.Net;
using Wharf.Core.Errors;
using Wharf.Core.Routing;

namespace Wharf.Router.Routing;

/// <summary>
/// Checks a table before it is served (from the API or from disk), collecting every problem. Two routes claiming
/// one host is not an error: the first serves it (a warning is logged), so one app's bad domain cannot stop every
/// other app's table from reaching the router.
/// </summary>
internal static class RouteTableValidator
{
    /// <exception cref="WharfValidationException">The table has problems; each is a sentence keyed by its JSON path.</exception>
    public static void ThrowIfInvalid(RouteTable? table)
    {
        var errors = new ValidationErrors();
        if (table?.Routes is null)
        {
            errors.Add("routes", "The table needs a \"routes\" list (empty serves nothing).");
            errors.ThrowIfAny();
            return;
        }

        for (var i = 0; i < table.Routes.Count; i++)
        {
            ValidateRoute(table.Routes[i], $"routes[{i}]", errors);
        }

        errors.ThrowIfAny();
    }

    private static void ValidateRoute(Route? route, string at, ValidationErrors errors)
    {
        if (route is null)
        {
            errors.Add(at, $"{at} is null: every route is an object.");
            return;
        }

        if (string.IsNullOrWhiteSpace(route.App) || string.IsNullOrWhiteSpace(route.Service))
        {
            errors.Add(at, $"{at} needs its app and service names.");
        }

        var name = $"{route.Service}.{route.App}";
        if (route.Hosts is not { Count: > 0 })
        {
            errors.Add($"{at}.hosts", $"Route {name} has no host names: give it at least one.");
        }
        else
        {
            for (var h = 0; h < route.Hosts.Count; h++)
            {
                if (!IsHostPattern(route.Hosts[h]))
                {
                    errors.Add($"{at}.hosts[{h}]", $"Route {name} has host '{route.Hosts[h]}', which is not a host name: use names like web.hello.example.com or *.example.com, without scheme or port.");
                }
            }
        }

        if (route.Timeout <= TimeSpan.Zero)
        {
            errors.Add($"{at}.timeout", $"Route {name} has timeout {route.Timeout}: it must be positive.");
        }

        ValidateHealth(route.Health, name, $"{at}.health", errors);
        if (route.Backends is null)
        {
            errors.Add($"{at}.backends", $"Route {name} needs a \"backends\" list (empty answers 503).");
            return;
        }

        for (var b = 0; b < route.Backends.Count; b++)
        {
            var backend = route.Backends[b];
            if (backend is null || string.IsNullOrWhiteSpace(backend.ProcessId))
            {
                errors.Add($"{at}.backends[{b}]", $"Backend {b} of route {name} needs its process id.");
            }
            else if (!IsAddress(backend.Address))
            {
                errors.Add($"{at}.backends[{b}].address", $"Backend {backend.ProcessId} of route {name} has address '{backend.Address}': use IP:PORT, e.g. 172.18.0.3:5000.");
            }
        }
    }

    private static void ValidateHealth(RouteHealth? health, string name, string at, ValidationErrors errors)
    {
        if (health is null)
        {
            errors.Add(at, $"Route {name} needs its health check.");
            return;
        }

        if (health.Path is null || !health.Path.StartsWith('/') || health.Path.Any(char.IsWhiteSpace))
        {
            errors.Add($"{at}.path", $"Route {name} has health path '{health.Path}': it must start with '/' and have no spaces, e.g. /health.");
        }

        if (health.Interval <= TimeSpan.Zero)
        {
            errors.Add($"{at}.interval", $"Route {name} has health interval {health.Interval}: it must be positive.");
        }

        if (health.Timeout <= TimeSpan.Zero)
        {
            errors.Add($"{at}.timeout", $"Route {name} has health timeout {health.Timeout}: it must be positive.");
        }
    }

    /// <summary>A DNS name, or "*." and a DNS name (one wildcard label, leftmost only).</summary>
    internal static bool IsHostPattern(string? host)
    {
        if (string.IsNullOrEmpty(host))
        {
            return false;
        }

        var name = host.StartsWith("*.", StringComparison.Ordinal) ? host[2..] : host;
        name = name.EndsWith('.') ? name[..^1] : name;
        return name.Length is > 0 and <= 253 && name.Split('.').All(IsLabel);
    }

    private static bool IsLabel(string label) =>
        label.Length is > 0 and <= 63
        && label.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
        && label[0] != '-' && label[^1] != '-';

    /// <summary>"IP:PORT" ("[v6]:PORT" for IPv6) or "HOST:PORT", with a port from 1 to 65535.</summary>
    internal static bool IsAddress(string? address)
    {
        if (string.IsNullOrEmpty(address))
        {
            return false;
        }

        var colon = address.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(address.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return false;
        }

        var host = address[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            return IPAddress.TryParse(host[1..^1], out var v6) && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
        }

        return !host.Contains(':', StringComparison.Ordinal) && (IPAddress.TryParse(host, out _) || IsHostPattern(host) && !host.StartsWith('*'));
    }
}
