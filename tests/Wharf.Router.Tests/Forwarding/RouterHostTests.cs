using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using Wharf.Router.Listeners;
using Wharf.Router.Tests.Support;

namespace Wharf.Router.Tests.Forwarding;

public sealed class RouterHostTests
{
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task Start_ControlSocket_OwnerOnlyInOwnerOnlyDirectory()
    {
        await using var router = await TestRouter.StartAsync();

        Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(router.Options.RouterDirectory));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(router.Options.ControlSocketPath));
    }

    [Fact]
    public async Task Start_RequestOnControlSocket_NotForwardedAsAppTraffic()
    {
        await using var router = await TestRouter.StartAsync();
        using var control = ControlClient(router.Options.ControlSocketPath);

        using var response = await control.GetAsync("http://router/no-such-control-endpoint");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Wharf-Error"), "a control request reached the forwarder");
    }

    [Fact]
    public async Task Start_StaleSocketFromDeadRouter_RemovedAndServed()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"wharf-router-test-{Guid.NewGuid():N}");
        var socketPath = Path.Combine(dataDirectory, "router", "control.sock");
        Directory.CreateDirectory(Path.GetDirectoryName(socketPath)!);
        var elsewhere = socketPath + ".tmp";
        using (var dead = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            // A closed socket removes its file; moved away first, the file stays like one a killed router leaves.
            dead.Bind(new UnixDomainSocketEndPoint(socketPath));
            File.Move(socketPath, elsewhere);
        }

        File.Move(elsewhere, socketPath);

        Assert.True(File.Exists(socketPath));
        await using var router = await TestRouter.StartAsync(options => options with { DataDirectory = dataDirectory });
        using var control = ControlClient(socketPath);

        using var response = await control.GetAsync("http://router/no-such-control-endpoint");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Build_RouterAlreadyRunningOnDataDirectory_StartupErrorSaysSo()
    {
        await using var running = await TestRouter.StartAsync();

        var error = Assert.Throws<RouterStartupException>(() => RouterHost.Build(running.Options with { HttpsUrls = [] }));

        Assert.Contains("Another router is already running", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_BadOptions_EveryProblemInOneStartupError()
    {
        var options = new RouterOptions
        {
            DataDirectory = Path.Combine(Path.GetTempPath(), $"wharf-router-test-{Guid.NewGuid():N}"),
            HttpUrls = ["ftp://127.0.0.1:21", "http://example.com:80"],
            HttpsUrls = [],
            RedirectToHttps = true,
        };

        var error = Assert.Throws<RouterStartupException>(() => RouterHost.Build(options));

        Assert.Equal(
            [
                "The listener \"ftp://127.0.0.1:21\" is not a URL like http://127.0.0.1:8080.",
                "The listener \"http://example.com:80\" names the host \"example.com\"; give an IP address (0.0.0.0 for every interface) or localhost.",
                "Redirecting to HTTPS needs an HTTPS listener: give one, or turn the redirect off.",
            ],
            error.Message.Split(Environment.NewLine));
        Assert.False(Directory.Exists(options.DataDirectory));
    }

    [Fact]
    public async Task RunAsync_PortInUse_StartupErrorNamesTheAddress()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";
        var options = new RouterOptions
        {
            DataDirectory = Path.Combine(Path.GetTempPath(), $"wharf-router-test-{Guid.NewGuid():N}"),
            HttpUrls = [url],
        };
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<RouterStartupException>(() => RouterHost.RunAsync(options, deadline.Token));

        Assert.Contains(url, error.Message, StringComparison.Ordinal);
        Assert.Contains("address already in use", error.Message, StringComparison.OrdinalIgnoreCase);
        Directory.Delete(options.DataDirectory, recursive: true);
    }

    [Fact]
    public async Task RunAsync_Cancelled_StopsServing()
    {
        var options = new RouterOptions
        {
            DataDirectory = Path.Combine(Path.GetTempPath(), $"wharf-router-test-{Guid.NewGuid():N}"),
            HttpUrls = ["http://127.0.0.1:0"],
        };
        using var stop = new CancellationTokenSource();
        var running = RouterHost.RunAsync(options, stop.Token);
        using var control = ControlClient(options.ControlSocketPath);
        await WaitUntilAsync(async () =>
        {
            try
            {
                using var response = await control.GetAsync("http://router/");
                return true;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        });

        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(30));

        await Assert.ThrowsAsync<HttpRequestException>(() => control.GetAsync("http://router/"));
        Directory.Delete(options.DataDirectory, recursive: true);
    }

    private static HttpClient ControlClient(string socketPath) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (_, ct) =>
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    });

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, "the router did not start");
            await Task.Delay(50);
        }
    }
}
