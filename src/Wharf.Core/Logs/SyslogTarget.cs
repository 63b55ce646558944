using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Wharf.Core.Logs;

/// <summary>A syslog endpoint logs are forwarded to: <c>tcp://HOST:PORT</c> (port 514 when left out).</summary>
public sealed record SyslogTarget(string Host, int Port)
{
    public const int DefaultPort = 514;

    public string Url => string.Create(CultureInfo.InvariantCulture, $"tcp://{(Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host)}:{Port}");

    /// <summary>Reads a URL; <paramref name="problem"/> says what is wrong with one that is no syslog endpoint.</summary>
    public static bool TryParse(string? url, [NotNullWhen(true)] out SyslogTarget? target, [NotNullWhen(false)] out string? problem)
    {
        target = null;
        if (string.IsNullOrWhiteSpace(url)
            || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || uri.Scheme != "tcp"
            || uri.Host.Length == 0
            || (uri.AbsolutePath is not ("" or "/"))
            || uri.Query.Length > 0
            || uri.UserInfo.Length > 0)
        {
            // A URL with a password in it is not repeated back: answers and logs quote problems.
            var shown = url?.Contains('@', StringComparison.Ordinal) == true ? "The URL" : $"'{url}'";
            problem = $"{shown} is not a syslog endpoint: give tcp://HOST:PORT, e.g. tcp://logs.example.com:514 (RFC 5424 over TCP, no user or password).";
            return false;
        }

        target = new SyslogTarget(uri.IdnHost.Trim('[', ']'), uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port);
        problem = null;
        return true;
    }
}
