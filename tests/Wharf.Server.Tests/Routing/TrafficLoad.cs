using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace Wharf.Server.Tests.Routing;

/// <summary>
/// Constant traffic through the router (GETs, or POSTs with a small body), as users would send it: several clients, each sending one request after
/// the other at a fixed pace over kept-alive connections. Every failure is kept with what it was, and each client
/// checks that once it has seen a release it never sees an older one again.
/// </summary>
public sealed class TrafficLoad : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _url;
    private readonly string _host;
    private readonly HttpMethod _method;
    private readonly TimeSpan _interval;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _clients = [];
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly ConcurrentQueue<string> _wentBack = new();
    private readonly ConcurrentDictionary<int, int> _releases = new();
    private readonly Stopwatch _clock = new();
    private long _requests;

    private TrafficLoad(Uri router, string host, int clients, int requestsPerSecond, HttpMethod method)
    {
        _url = router;
        _host = host;
        _method = method;
        _interval = TimeSpan.FromSeconds(clients / (double)requestsPerSecond);
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10), ConnectTimeout = TimeSpan.FromSeconds(5) })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        Clients = clients;
    }

    public int Clients { get; }

    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Requests that failed: a connection error, a timeout, or a status other than 2xx.</summary>
    public IReadOnlyList<string> Failures => [.. _failures];

    /// <summary>Responses from an older release than the client had already seen.</summary>
    public IReadOnlyList<string> WentBack => [.. _wentBack];

    /// <summary>How many responses each release served.</summary>
    public IReadOnlyDictionary<int, int> Releases => _releases;

    public double RequestsPerSecond => Requests / _clock.Elapsed.TotalSeconds;

    /// <summary>
    /// Starts <paramref name="clients"/> clients sending <paramref name="requestsPerSecond"/> requests in all to
    /// http://HOST/ through the router: GETs, or each a POST of a small JSON body when <paramref name="method"/> says so.
    /// </summary>
    public static TrafficLoad Start(Uri router, string host, int clients = 20, int requestsPerSecond = 250, HttpMethod? method = null)
    {
        var load = new TrafficLoad(router, host, clients, requestsPerSecond, method ?? HttpMethod.Get);
        load._clock.Start();
        for (var i = 0; i < clients; i++)
        {
            var client = i;
            load._clients.Add(Task.Run(() => load.RunClientAsync(client)));
        }

        return load;
    }

    /// <summary>Stops the clients and waits for their last requests.</summary>
    public async Task StopAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
            await Task.WhenAll(_clients);
            _clock.Stop();
        }
    }

    public string Summary() =>
        $"{Requests} requests at {RequestsPerSecond:0} req/s by {Clients} clients; releases served: "
        + string.Join(", ", _releases.OrderBy(r => r.Key).Select(r => $"{r.Key}: {r.Value}"))
        + $"; {_failures.Count} failed; {_wentBack.Count} went back"
        + string.Concat(_failures.Take(10).Select(f => "\n  failed: " + f))
        + string.Concat(_wentBack.Take(10).Select(f => "\n  went back: " + f));

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _http.Dispose();
        _stop.Dispose();
    }

    private async Task RunClientAsync(int client)
    {
        var newest = 0;
        var next = Stopwatch.GetTimestamp();
        while (!_stop.IsCancellationRequested)
        {
            var release = await SendAsync(client);
            if (release is { } seen)
            {
                if (seen < newest)
                {
                    _wentBack.Enqueue($"client {client} got release {seen} at {_clock.Elapsed.TotalSeconds:0.000} s after release {newest}");
                }

                newest = Math.Max(newest, seen);
            }

            next += (long)(_interval.TotalSeconds * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task<int?> SendAsync(int client)
    {
        using var request = new HttpRequestMessage(_method, _url);
        request.Headers.Host = _host;
        if (_method == HttpMethod.Post)
        {
            request.Content = new StringContent($"{{\"client\": {client}}}", System.Text.Encoding.UTF8, "application/json");
        }

        var at = _clock.Elapsed.TotalSeconds;
        try
        {
            using var response = await _http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Interlocked.Increment(ref _requests);
            if (!response.IsSuccessStatusCode)
            {
                _failures.Enqueue($"client {client} at {at:0.000} s: {(int)response.StatusCode} {Shorten(body)}");
                return null;
            }

            var release = ReleaseOf(body);
            if (release is { } r)
            {
                _releases.AddOrUpdate(r, 1, (_, n) => n + 1);
            }

            return release;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            Interlocked.Increment(ref _requests);
            _failures.Enqueue($"client {client} at {at:0.000} s: {e.GetType().Name}: {e.Message}");
            return null;
        }
    }

    /// <summary>The release examples/hello names in its answer ({"release": "3", ...}).</summary>
    private static int? ReleaseOf(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("release", out var release) && int.TryParse(release.GetString(), out var n) ? n : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text.Trim() : text[..200].Trim() + "...";
}
