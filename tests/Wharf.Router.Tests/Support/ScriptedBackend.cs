using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Wharf.Router.Tests.Support;

/// <summary>A <see cref="TestBackend"/> that answers every request with <see cref="Status"/> after <see cref="Delay"/>, both changeable while it runs.</summary>
internal sealed class ScriptedBackend : IAsyncDisposable
{
    private TestBackend _server = null!;
    private volatile int _status = StatusCodes.Status200OK;
    private long _delayTicks;
    private int _requests;

    private ScriptedBackend()
    {
    }

    /// <summary>"127.0.0.1:PORT".</summary>
    public string Address => _server.Address;

    public int Status
    {
        get => _status;
        set => _status = value;
    }

    public TimeSpan Delay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _delayTicks));
        set => Interlocked.Exchange(ref _delayTicks, value.Ticks);
    }

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>"GET /health for web.hello.localhost", in order.</summary>
    public ConcurrentQueue<string> Seen { get; } = new();

    public static async Task<ScriptedBackend> StartAsync()
    {
        var backend = new ScriptedBackend();
        backend._server = await TestBackend.StartAsync(app => app.Run(backend.HandleAsync));
        return backend;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(HttpContext http)
    {
        Interlocked.Increment(ref _requests);
        Seen.Enqueue($"{http.Request.Method} {http.Request.Path} for {http.Request.Host}");
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, http.RequestAborted);
        }

        http.Response.StatusCode = Status;
    }
}
