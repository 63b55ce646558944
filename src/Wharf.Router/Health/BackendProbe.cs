using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Wharf.Core.Routing;

namespace Wharf.Router.Health;

/// <summary>
/// One active check: GET the route's health path on a backend with the route's first host name as Host; 2xx and
/// 3xx pass. Its own HttpClient (never the forwarder's pool), a fresh connection per check (a backend that stopped
/// accepting connections fails at once), and a failure said the way a user reads it in the router's status.
/// </summary>
internal sealed class BackendProbe : IDisposable
{
    private readonly HttpClient _http;
    private readonly TimeSpan _connectTimeout;

    public BackendProbe(RouterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _connectTimeout = options.ConnectTimeout;
        _http = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = options.ConnectTimeout,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public async Task<CheckResult> CheckAsync(Route route, string address, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(route);
        var health = route.Health;
        var what = $"GET {health.Path}";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(health.Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://{address}{health.Path}"));
        request.Headers.Host = route.Hosts[0];
        request.Headers.ConnectionClose = true;
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            return status is >= 200 and < 400
                ? CheckResult.Pass
                : CheckResult.Failed($"{what} answered {status.ToString(CultureInfo.InvariantCulture)}");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            return CheckResult.Failed($"{what} timed out after {Describe(health.Timeout)}");
        }
        catch (OperationCanceledException e) when (e.InnerException is TimeoutException && !ct.IsCancellationRequested)
        {
            // The handler's connect timeout: nothing answered the connection at all.
            return CheckResult.NotConnected($"connecting timed out after {Describe(_connectTimeout)}");
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConnectionError)
        {
            return CheckResult.NotConnected(ConnectionFailure(e));
        }
        catch (HttpRequestException e)
        {
            return CheckResult.Failed($"{what} failed: {e.Message.TrimEnd('.')}");
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>"connection refused", "host unreachable": what the socket said, in a status's words.</summary>
    internal static string ConnectionFailure(Exception e) =>
        (e.InnerException as SocketException)?.SocketErrorCode switch
        {
            SocketError.ConnectionRefused => "connection refused",
            SocketError.HostUnreachable => "host unreachable",
            SocketError.NetworkUnreachable => "network unreachable",
            SocketError.TimedOut => "connecting timed out",
            SocketError.ConnectionReset => "connection reset",
            _ => "connecting failed: " + (e.InnerException ?? e).Message.TrimEnd('.'),
        };

    /// <summary>"4 s", "1.5 s", "250 ms".</summary>
    internal static string Describe(TimeSpan span) =>
        span >= TimeSpan.FromSeconds(1)
            ? span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s"
            : span.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
