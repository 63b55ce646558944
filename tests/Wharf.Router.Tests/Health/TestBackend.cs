using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Wharf.Router.Tests.Health;

/// <summary>A real HTTP backend on 127.0.0.1 (a free port): answers every request with <see cref="Status"/> after <see cref="Delay"/>.</summary>
internal sealed class TestBackend : IAsyncDisposable
{
    private readonly WebApplication _app;
    private volatile int _status = StatusCodes.Status200OK;
    private long _delayTicks;
    private int _requests;

    private TestBackend(WebApplication app) => _app = app;

    public string Address { get; private set; } = "";

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

    public static async Task<TestBackend> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var backend = new TestBackend(app);
        app.Run(backend.HandleAsync);
        await app.StartAsync();
        var bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        backend.Address = new Uri(bound).Authority;
        return backend;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

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
