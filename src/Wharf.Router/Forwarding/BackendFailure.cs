using System.Net.Sockets;

namespace Wharf.Router.Forwarding;

/// <summary>A failed forwarding attempt: what kind of failure, and a short reason for people ("connection refused").</summary>
internal readonly record struct BackendFailure(FailureKind Kind, string Reason)
{
    /// <summary>The value of the X-Wharf-Error header for this failure.</summary>
    public string Code => Kind switch
    {
        FailureKind.ConnectFailed => "connect-failed",
        FailureKind.ConnectionBroken => "connection-broken",
        FailureKind.TimedOut => "timeout",
        FailureKind.ClientBodyFailed => "bad-request-body",
        _ => "bad-response",
    };

    /// <summary>Sorts out what the HTTP client threw while sending a request and waiting for its response headers.</summary>
    public static BackendFailure Classify(Exception exception, bool clientAborted, bool timedOut, bool clientBodyFailed, TimeSpan connectTimeout)
    {
        if (clientAborted)
        {
            return new(FailureKind.ClientAborted, "the client went away");
        }

        if (clientBodyFailed)
        {
            return new(FailureKind.ClientBodyFailed, "the request body could not be read from the client");
        }

        if (timedOut)
        {
            return new(FailureKind.TimedOut, "no response in time");
        }

        if (exception is OperationCanceledException { InnerException: TimeoutException })
        {
            return new(FailureKind.ConnectFailed, $"connect timed out after {connectTimeout.TotalSeconds:0.###} s");
        }

        if (exception is HttpRequestException request)
        {
            var socket = FindSocketError(request);
            return request.HttpRequestError switch
            {
                HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError =>
                    new(FailureKind.ConnectFailed, socket is { } code ? Describe(code) : "connection failed"),
                HttpRequestError.ResponseEnded =>
                    new(FailureKind.ConnectionBroken, "the connection closed before a response"),
                HttpRequestError.InvalidResponse or HttpRequestError.ConfigurationLimitExceeded or HttpRequestError.HttpProtocolError =>
                    new(FailureKind.BadResponse, "invalid response"),
                _ when socket is { } code => new(FailureKind.ConnectionBroken, Describe(code)),
                _ when request.InnerException is IOException => new(FailureKind.ConnectionBroken, "the connection broke before a response"),
                _ => new(FailureKind.BadResponse, "request failed"),
            };
        }

        return new(FailureKind.BadResponse, "request failed");
    }

    private static SocketError? FindSocketError(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket.SocketErrorCode;
            }
        }

        return null;
    }

    private static string Describe(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.ConnectionReset => "connection reset",
        SocketError.ConnectionAborted => "connection aborted",
        SocketError.TimedOut => "connect timed out",
        SocketError.HostUnreachable or SocketError.HostDown => "host unreachable",
        SocketError.NetworkUnreachable or SocketError.NetworkDown => "network unreachable",
        SocketError.Shutdown => "connection closed",
        _ => $"socket error {error}",
    };
}
