using System.Net;
using System.Net.Sockets;
using System.Text;
using Wharf.Core.Apps;
using Wharf.Core.Audit;
using Wharf.Core.Auth;
using Wharf.Core.Errors;
using Wharf.Core.Logs;
using Wharf.Core.Tests.Fakes;

namespace Wharf.Core.Tests.Logs;

/// <summary>Forwarding an app's log to a real TCP syslog listener in the test.</summary>
public sealed class LogForwardingTests : IAsyncDisposable
{
    private static readonly Actor _alice = new("alice", Role.Deploy);

    private readonly InMemoryStateStore _state = new();
    private readonly InMemoryBlobStore _blobs = new();
    private readonly InMemoryLogStore _store = new();
    private readonly LogForwarding _forwarding;

    public LogForwardingTests()
    {
        _state.AppStore.TryCreateAsync(new App("shop", DateTimeOffset.UnixEpoch, null)).GetAwaiter().GetResult();
        _forwarding = new LogForwarding(_state, _blobs, _store, new AuditLog(_state, TimeProvider.System), TimeProvider.System, new ListLogger<LogForwarding>());
    }

    [Fact]
    public async Task SetAsync_LinesStoredAfterwards_ArriveAsOctetCountedRfc5424Messages()
    {
        using var listener = Listen(0);
        await _forwarding.SetAsync(_alice, "shop", $"tcp://127.0.0.1:{Port(listener)}");

        await _store.AppendAsync([Entry("first"), Entry("second ✓")]);
        using var connection = await AcceptAsync(listener);

        var messages = await ReadMessagesAsync(connection, 2);
        Assert.EndsWith("\uFEFFfirst", messages[0], StringComparison.Ordinal);
        Assert.EndsWith("\uFEFFsecond ✓", messages[1], StringComparison.Ordinal);
        Assert.StartsWith("<14>1 ", messages[0], StringComparison.Ordinal);
        Assert.Contains(" shop p1 web [wharf@32473 source=\"stdout\" release=\"2\"] ", messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetAsync_ReceiverDownAtFirst_DeliversTheWaitingLinesOnceItListens()
    {
        int port;
        using (var probe = Listen(0))
        {
            port = Port(probe);
        }

        await _forwarding.SetAsync(_alice, "shop", $"tcp://127.0.0.1:{port}");
        await _store.AppendAsync([Entry("written while nobody listened")]);
        await Task.Delay(300);

        using var listener = Listen(port);
        using var connection = await AcceptAsync(listener);

        Assert.EndsWith("written while nobody listened", Assert.Single(await ReadMessagesAsync(connection, 1)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_NewServerOverTheSameState_ForwardsAgain()
    {
        using var listener = Listen(0);
        await _forwarding.SetAsync(_alice, "shop", $"tcp://127.0.0.1:{Port(listener)}");
        await _forwarding.StopAsync();

        await using var restarted = new LogForwarding(_state, _blobs, _store, new AuditLog(_state, TimeProvider.System), TimeProvider.System, new ListLogger<LogForwarding>());
        await restarted.StartAsync();

        Assert.Equal($"tcp://127.0.0.1:{Port(listener)}", restarted.Active["shop"]);
        Assert.Equal($"tcp://127.0.0.1:{Port(listener)}", (await restarted.GetAsync("shop")).Url);
    }

    [Fact]
    public async Task RemoveAsync_Forwarded_StopsAndForgets()
    {
        using var listener = Listen(0);
        await _forwarding.SetAsync(_alice, "shop", $"tcp://127.0.0.1:{Port(listener)}");

        await _forwarding.RemoveAsync(_alice, "shop");

        Assert.Empty(_forwarding.Active);
        Assert.Null((await _forwarding.GetAsync("shop")).Url);
        Assert.Empty(_blobs.Keys);
    }

    [Fact]
    public async Task SetAsync_NotTcp_IsAValidationErrorNamingTheField()
    {
        var e = await Assert.ThrowsAsync<WharfValidationException>(() => _forwarding.SetAsync(_alice, "shop", "udp://logs:514"));

        Assert.Contains("url", e.Errors.Keys);
        Assert.Empty(_forwarding.Active);
    }

    [Fact]
    public async Task SetAsync_UnknownApp_IsNotFound()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => _forwarding.SetAsync(_alice, "nope", "tcp://127.0.0.1:514"));
    }

    public async ValueTask DisposeAsync() => await _forwarding.DisposeAsync();

    private static LogEntry Entry(string text) => new(DateTimeOffset.UtcNow, "shop", LogSource.Stdout, "web", "p1", 2, text);

    private static TcpListener Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        return listener;
    }

    private static int Port(TcpListener listener) => ((IPEndPoint)listener.LocalEndpoint).Port;

    private static async Task<TcpClient> AcceptAsync(TcpListener listener)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await listener.AcceptTcpClientAsync(timeout.Token);
    }

    /// <summary>Reads "LENGTH SP MESSAGE" frames (RFC 6587 octet counting).</summary>
    private static async Task<List<string>> ReadMessagesAsync(TcpClient connection, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stream = connection.GetStream();
        var messages = new List<string>();
        while (messages.Count < count)
        {
            var length = 0;
            var one = new byte[1];
            while (true)
            {
                await stream.ReadExactlyAsync(one, timeout.Token);
                if (one[0] == (byte)' ')
                {
                    break;
                }

                length = (length * 10) + (one[0] - '0');
            }

            var message = new byte[length];
            await stream.ReadExactlyAsync(message, timeout.Token);
            messages.Add(Encoding.UTF8.GetString(message));
        }

        return messages;
    }
}
