using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Wharf.Core.Tests.Routing;

/// <summary>A real HTTP server (Kestrel) on a free loopback port, answering with the handler it was given; records every request.</summary>
public sealed class TestHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Host, string Path)> _requests = new();

    private TestHttpServer(WebApplication app, string address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>"127.0.0.1:PORT", as a runtime reports a process's address.</summary>
    public string Address { get; }

    public IReadOnlyList<(string Host, string Path)> Requests => [.. _requests];

    /// <summary>Starts a server whose every request is answered by <paramref name="handler"/>.</summary>
    public static async Task<TestHttpServer> StartAsync(Func<HttpContext, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        TestHttpServer? server = null;
        app.Run(async context =>
        {
            server!._requests.Enqueue((context.Request.Host.Value ?? "", context.Request.Path.Value ?? ""));
            await handler(context);
        });
        await app.StartAsync();
        server = new TestHttpServer(app, new Uri(app.Urls.First()).Authority);
        return server;
    }

    /// <summary>Answers every request with <paramref name="status"/>.</summary>
    public static Task<TestHttpServer> AnsweringAsync(int status) => StartAsync(context =>
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
