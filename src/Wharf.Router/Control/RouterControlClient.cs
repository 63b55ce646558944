using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Wharf.Core.Metrics;
using Wharf.Core.Routing;
using Wharf.Core.Runtime;
using Wharf.Router.Health;
using Wharf.Router.Routing;

namespace Wharf.Router.Control;

/// <summary>
/// Talks to a router process over its control socket (see <see cref="RouterOptions.ControlSocketPath"/>). Every
/// failure is a <see cref="RouterControlException"/> whose message says what happened: the router is not running,
/// did not answer in time, or refused the request (with its reason). Thread-safe; one per router.
/// </summary>
public sealed class RouterControlClient : IRouterControl, IRouterMetrics, IDisposable
{
    /// <summary>Connecting to a local socket is instant when the router runs; waiting longer only delays the error.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    /// <summary>How long a request (other than a drain) may take by default before the router counts as hung.</summary>
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;
    private volatile bool _disposed;

    public RouterControlClient(string socketPath)
        : this(socketPath, DefaultRequestTimeout)
    {
    }

    /// <param name="requestTimeout">How long a request may take (a drain gets its own timeout on top).</param>
    public RouterControlClient(string socketPath, TimeSpan requestTimeout)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(socketPath);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(requestTimeout, TimeSpan.Zero);
        SocketPath = socketPath;
        RequestTimeout = requestTimeout;
        _http = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = (_, ct) => UnixSocket.ConnectStreamAsync(socketPath, ct),
            ConnectTimeout = ConnectTimeout,
            UseProxy = false,
            AllowAutoRedirect = false,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        })
        {
            // The host name is never resolved: every connection is a new stream on the socket.
            BaseAddress = new Uri("http://router/"),
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public string SocketPath { get; }

    public TimeSpan RequestTimeout { get; }

    public async Task ApplyAsync(RouteTable table, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var content = JsonContent.Create(table, RouterJsonContext.Default.RouteTable);
        using var response = await SendAsync(HttpMethod.Put, "table", content, RequestTimeout, ct);
    }

    public async Task<bool> DrainAsync(IReadOnlyList<string> addresses, TimeSpan timeout, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        var request = new DrainRequest(addresses, (int)Math.Clamp(timeout.TotalMilliseconds, 0, RouterControlEndpoints.MaxDrainTimeout.TotalMilliseconds));
        using var content = JsonContent.Create(request, RouterJsonContext.Default.DrainRequest);
        // The router answers when the drain ends: allow it the drain's own time on top.
        using var response = await SendAsync(HttpMethod.Post, "drain", content, RequestTimeout + timeout, ct);
        return (await ReadAsync(response, RouterJsonContext.Default.DrainResult, "POST /drain", ct)).Drained;
    }

    public async Task<RouterStatus> StatusAsync(CancellationToken ct = default)
    {
        using var response = await SendAsync(HttpMethod.Get, "status", null, RequestTimeout, ct);
        return await ReadAsync(response, RouterJsonContext.Default.RouterStatus, "GET /status", ct);
    }

    /// <summary>The table the router serves now, as it was given (an empty one when it has none).</summary>
    public async Task<RouteTable> TableAsync(CancellationToken ct = default)
    {
        using var response = await SendAsync(HttpMethod.Get, "table", null, RequestTimeout, ct);
        return await ReadAsync(response, RouterJsonContext.Default.RouteTable, "GET /table", ct);
    }

    /// <summary>The request counters of every app, service and release served since the router started.</summary>
    public async Task<IReadOnlyList<RequestCounters>> RequestCountersAsync(CancellationToken ct = default)
    {
        using var response = await SendAsync(HttpMethod.Get, "metrics/requests", null, RequestTimeout, ct);
        return await ReadAsync(response, RouterJsonContext.Default.IReadOnlyListRequestCounters, "GET /metrics/requests", ct);
    }

    /// <summary>The router's metrics in the Prometheus text format.</summary>
    public async Task<string> MetricsTextAsync(CancellationToken ct = default)
    {
        using var response = await SendAsync(HttpMethod.Get, "metrics", null, RequestTimeout, ct);
        return await response.Content.ReadAsStringAsync(ct);
    }

    public async Task SetCertificatesAsync(IReadOnlyList<RouterCertificate> certificates, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        using var content = JsonContent.Create(certificates, RouterJsonContext.Default.IReadOnlyListRouterCertificate);
        using var response = await SendAsync(HttpMethod.Put, "certificates", content, RequestTimeout, ct);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _http.Dispose();
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, TimeSpan timeout, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var what = $"{method} /{path}";
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        using var request = new HttpRequestMessage(method, path) { Content = content };
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, limit.Token);
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConnectionError)
        {
            throw NotReachable(e);
        }
        catch (HttpRequestException e)
        {
            throw new RouterControlException($"The router did not answer {what} (control socket {SocketPath}): {e.Message.TrimEnd('.')}.", e);
        }
        catch (OperationCanceledException e) when (e.InnerException is TimeoutException && !limit.IsCancellationRequested)
        {
            throw new RouterControlException(
                $"The router did not accept a connection on its control socket at {SocketPath} within {BackendProbe.Describe(ConnectTimeout)}: it may be overloaded or hung; see its log.", e);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new RouterControlException(
                $"The router did not answer {what} within {BackendProbe.Describe(timeout)} (control socket {SocketPath}): it may be overloaded or hung; see its log.", e);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var detail = await ProblemDetailAsync(response, ct);
            var verb = (int)response.StatusCode >= 500 ? "failed on" : "refused";
            throw new RouterControlException($"The router {verb} {what} ({(int)response.StatusCode}): {detail}");
        }
    }

    private RouterControlException NotReachable(HttpRequestException e)
    {
        var socketError = (e.InnerException as SocketException)?.SocketErrorCode;
        var message = socketError switch
        {
            _ when !File.Exists(SocketPath) => $"The router is not running (no control socket at {SocketPath}).",
            SocketError.AccessDenied => $"The router's control socket at {SocketPath} cannot be opened: permission denied (it is owner-only; run as the user that runs the router).",
            SocketError.ConnectionRefused => $"The router is not running (nothing listens on its control socket at {SocketPath}).",
            _ => $"The router could not be reached on its control socket at {SocketPath}: {BackendProbe.ConnectionFailure(e)}.",
        };
        return new RouterControlException(message, e);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, string what, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(type, ct)
                ?? throw new RouterControlException($"The router answered {what} with an empty body.");
        }
        catch (JsonException e)
        {
            throw new RouterControlException($"The router's answer to {what} is not the JSON expected ({e.Message}): is it the same version as the server?", e);
        }
    }

    /// <summary>The problem's "detail" (and its per-field errors), else the body's text.</summary>
    private static async Task<string> ProblemDetailAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        try
        {
            using var problem = JsonDocument.Parse(body);
            if (problem.RootElement.ValueKind == JsonValueKind.Object
                && problem.RootElement.TryGetProperty("detail", out var detail)
                && detail.ValueKind == JsonValueKind.String)
            {
                return detail.GetString()!;
            }
        }
        catch (JsonException)
        {
        }

        return string.IsNullOrWhiteSpace(body) ? response.ReasonPhrase ?? "no reason given" : body.Trim();
    }
}
