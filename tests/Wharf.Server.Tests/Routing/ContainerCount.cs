using System.Net.Sockets;
using System.Text.Json;

namespace Wharf.Server.Tests.Routing;

/// <summary>
/// Watches how many containers of one app's service run, straight from the Docker engine (GET /containers/json by
/// label, as `docker ps --filter label=...` does), every few tens of milliseconds until stopped; keeps the peak.
/// </summary>
public sealed class ContainerCount : IAsyncDisposable
{
    private readonly HttpClient _engine;
    private readonly string _query;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watching;
    private int _peak;
    private int _samples;

    private ContainerCount(string app, string service)
    {
        _engine = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await socket.ConnectAsync(new UnixDomainSocketEndPoint("/var/run/docker.sock"), ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        })
        {
            BaseAddress = new Uri("http://docker/"),
            Timeout = TimeSpan.FromSeconds(30),
        };
        var filters = JsonSerializer.Serialize(new Dictionary<string, string[]> { ["label"] = [$"wharf.app={app}", $"wharf.service={service}"] });
        _query = "containers/json?filters=" + Uri.EscapeDataString(filters);
        _watching = Task.Run(WatchAsync);
    }

    /// <summary>The most running containers seen at once.</summary>
    public int Peak => Volatile.Read(ref _peak);

    /// <summary>How many times the engine was asked.</summary>
    public int Samples => Volatile.Read(ref _samples);

    public static ContainerCount Start(string app, string service) => new(app, service);

    /// <summary>Running containers of the app's service now.</summary>
    public async Task<int> NowAsync(CancellationToken ct = default)
    {
        using var response = await _engine.GetAsync(_query, ct);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return json.RootElement.GetArrayLength();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _watching;
        _engine.Dispose();
        _stop.Dispose();
    }

    private async Task WatchAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var count = await NowAsync(_stop.Token);
                Interlocked.Increment(ref _samples);
                if (count > Volatile.Read(ref _peak))
                {
                    Volatile.Write(ref _peak, count);
                }

                await Task.Delay(50, _stop.Token);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
