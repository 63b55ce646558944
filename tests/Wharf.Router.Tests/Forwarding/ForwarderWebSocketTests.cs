using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Wharf.Router.Tests.Support;

namespace Wharf.Router.Tests.Forwarding;

public sealed class ForwarderWebSocketTests
{
    [Theory]
    [InlineData("ws", "1.1")]
    [InlineData("wss", "1.1")]
    [InlineData("wss", "2.0")]
    public async Task Forward_WebSocket_EchoesBothWaysAndCountsOutWhenClosed(string scheme, string version)
    {
        await using var backend = await TestBackend.StartAsync(app =>
        {
            app.UseWebSockets();
            app.Map("/ws", async (HttpContext context) =>
            {
                using var socket = await context.WebSockets.AcceptWebSocketAsync();
                var buffer = new byte[256 * 1024];
                while (true)
                {
                    var received = await socket.ReceiveAsync(buffer, context.RequestAborted);
                    if (received.MessageType == WebSocketMessageType.Close)
                    {
                        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", context.RequestAborted);
                        return;
                    }

                    await socket.SendAsync(buffer.AsMemory(0, received.Count), received.MessageType, received.EndOfMessage, context.RequestAborted);
                }
            });
        });
        await using var router = await TestRouter.StartAsync();
        router.Routes.Add(FakeRoute.For("hello", backends: backend.Live));
        using var invoker = new HttpMessageInvoker(router.CreateHandler());
        using var client = new ClientWebSocket();
        client.Options.HttpVersion = Version.Parse(version);
        client.Options.HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await client.ConnectAsync(new Uri($"{scheme}://web.hello.localhost/ws"), invoker, deadline.Token);
        Assert.Equal(1, backend.Live.InFlight);
        var big = new byte[100_000];
        Random.Shared.NextBytes(big);
        foreach (var message in new[] { Encoding.UTF8.GetBytes("hello"), big, Encoding.UTF8.GetBytes("again") })
        {
            await client.SendAsync(message, WebSocketMessageType.Binary, endOfMessage: true, deadline.Token);
            Assert.Equal(message, await ReceiveMessageAsync(client, deadline.Token));
        }

        await client.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", deadline.Token);

        Assert.Equal(WebSocketState.Closed, client.State);
        Assert.Equal("bye", client.CloseStatusDescription);
        Assert.True(await backend.Live.WaitForIdleAsync(), "the WebSocket was never counted out");
        Assert.Equal(1, backend.Live.Entered);
    }

    [Fact]
    public async Task Forward_WebSocketClientVanishes_BackendSeesCloseAndCountsOut()
    {
        var backendDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var backend = await TestBackend.StartAsync(app =>
        {
            app.UseWebSockets();
            app.Map("/ws", async (HttpContext context) =>
            {
                using var socket = await context.WebSockets.AcceptWebSocketAsync();
                try
                {
                    await socket.ReceiveAsync(new byte[16], context.RequestAborted);
                }
                catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
                {
                    // The router closed the connection: what the app must see.
                }

                backendDone.SetResult();
            });
        });
        await using var router = await TestRouter.StartAsync();
        router.Routes.Add(FakeRoute.For("hello", backends: backend.Live));
        using var invoker = new HttpMessageInvoker(router.CreateHandler());
        var client = new ClientWebSocket();

        await client.ConnectAsync(new Uri("ws://web.hello.localhost/ws"), invoker, CancellationToken.None);
        client.Abort();
        client.Dispose();

        await backendDone.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.True(await backend.Live.WaitForIdleAsync(), "the WebSocket was never counted out");
    }

    private static async Task<byte[]> ReceiveMessageAsync(ClientWebSocket client, CancellationToken ct)
    {
        using var message = new MemoryStream();
        var buffer = new byte[16 * 1024];
        WebSocketReceiveResult received;
        do
        {
            received = await client.ReceiveAsync(buffer, ct);
            message.Write(buffer, 0, received.Count);
        }
        while (!received.EndOfMessage);
        return message.ToArray();
    }
}
