using System.Globalization;
using System.Net.Sockets;

namespace Wharf.Core.Routing;

/// <summary>
/// Checks over a fresh connection each time (as a new client would), with no proxy and no redirects followed:
/// a 3xx passes as it is, like the router's own check.
/// </summary>
public sealed class HttpHealthProbe : IHealthProbe, IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.Zero,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public async Task<HealthCheckResult> CheckAsync(string address, string host, string path, TimeSpan timeout, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(path);
        var what = $"GET {path}";
        if (!Uri.TryCreate($"http://{address}{path}", UriKind.Absolute, out var uri))
        {
            return new(false, $"{what} cannot be sent to {address}: not an address and path");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Host = host;
        request.Headers.ConnectionClose = true;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var code = (int)response.StatusCode;
            var answered = $"{what} answered {code.ToString(CultureInfo.InvariantCulture)}"
                + (string.IsNullOrWhiteSpace(response.ReasonPhrase) ? "" : $" {response.ReasonPhrase}");
            return new(code is >= 200 and < 400, answered);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new(false, $"{what} got no answer within {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s");
        }
        catch (HttpRequestException e)
        {
            return new(false, $"{what} failed: {Reason(e)}");
        }
    }

    public void Dispose() => _http.Dispose();

    private static string Reason(HttpRequestException e) => e.HttpRequestError switch
    {
        HttpRequestError.ConnectionError when e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused } =>
            "connection refused",
        HttpRequestError.ConnectionError => $"could not connect ({Innermost(e).Message})",
        HttpRequestError.ResponseEnded => "the connection closed without an HTTP answer (is it an HTTP server?)",
        HttpRequestError.InvalidResponse => "the answer is not HTTP (is it an HTTP server?)",
        _ => Innermost(e).Message,
    };

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is { } inner)
        {
            e = inner;
        }

        return e;
    }
}
