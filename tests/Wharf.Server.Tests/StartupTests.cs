using System.Net.Http.Json;
using Wharf.Core.Api;
using Wharf.Server.Tests.Infrastructure;
using Wharf.Storage;

namespace Wharf.Server.Tests;

public sealed class StartupTests
{
    [Fact]
    public async Task FirstStart_MakesOwnerOnlyDataDirectoryTokenAndKey()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        await using var factory = new WharfServerFactory();
        _ = factory.AdminToken;

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(factory.DataDirectory));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(factory.DataDirectory, "admin.token")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(factory.DataDirectory, "keys", "kek.key")));
        Assert.Matches("^wharf_[A-Za-z0-9_-]{43}$", factory.AdminToken);
        Assert.Empty(Directory.GetFiles(factory.DataDirectory, "*.tmp"));
    }

    [Fact]
    public async Task Restart_SameDataDirectory_KeepsAdminTokenKeyAndState()
    {
        var directory = Path.Combine(Path.GetTempPath(), "wharf-tests-" + Guid.NewGuid().ToString("N"));
        try
        {
            string token;
            await using (var first = new WharfServerFactory { DataDirectory = directory, DeleteDataDirectoryOnDispose = false })
            {
                token = first.AdminToken;
                using var client = first.AdminClient();
                await client.CreateAppAsync("survivor");
                await client.SetEnvAsync("survivor", new Dictionary<string, string> { ["KEPT"] = "across-restarts" });
            }

            await using var second = new WharfServerFactory { DataDirectory = directory, DeleteDataDirectoryOnDispose = false };
            Assert.Equal(token, second.AdminToken);
            using var again = second.AdminClient();
            var env = await HttpAssert.OkAsync<EnvInfo>(await again.GetAsync("/v1/apps/survivor/env?reveal=true"));
            Assert.Equal("across-restarts", env.Values["KEPT"]);
            Assert.Contains(second.Logs.Lines, l => l.Contains("Storage ready: state sqlite", StringComparison.Ordinal));
            Assert.DoesNotContain(second.Logs.Lines, l => l.Contains("Created the admin token", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Build_BadOptions_ThrowsEverySentenceAtOnce()
    {
        var options = new ServerOptions
        {
            DataDirectory = Path.Combine(Path.GetTempPath(), "never-made-" + Guid.NewGuid().ToString("N")),
            ApiUrl = "ftp://example",
            RouterUrl = "not a url",
            Storage = new StorageOptions { State = "mysql", Blobs = "s3", Keys = "vault" },
        };

        var error = Assert.Throws<ServerStartupException>(() => WharfServer.Build(options));

        Assert.Equal(5, error.Problems.Count);
        Assert.StartsWith("wharf server cannot start (5 problems):", error.Message, StringComparison.Ordinal);
        Assert.Contains(error.Problems, p => p.StartsWith("The API URL 'ftp://example' is not an http:// or https:// address", StringComparison.Ordinal) && p.Contains("--api or WHARF_API_URL", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("The router URL 'not a url'", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("Storage: Storage:State is 'mysql'", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("Storage:S3:Bucket is empty", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("Storage: Storage:Keys is 'vault'", StringComparison.Ordinal));
        Assert.DoesNotContain(" at ", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(options.DataDirectory));
    }

    [Fact]
    public async Task RunAsync_BadOptions_FailsBeforeTouchingTheDisk()
    {
        var options = new ServerOptions { DataDirectory = Path.Combine(Path.GetTempPath(), "never-made-" + Guid.NewGuid().ToString("N")), ApiUrl = "nope", StartRouter = false };

        await Assert.ThrowsAsync<ServerStartupException>(() => WharfServer.RunAsync(options, CancellationToken.None));

        Assert.False(Directory.Exists(options.DataDirectory));
    }

    [Fact]
    public async Task RunAsync_GoodOptions_ServesUntilCancelled()
    {
        var directory = Path.Combine(Path.GetTempPath(), "wharf-tests-" + Guid.NewGuid().ToString("N"));
        var port = FreePort();
        using var stop = new CancellationTokenSource();
        var options = new ServerOptions { DataDirectory = directory, ApiUrl = $"http://127.0.0.1:{port}", StartRouter = false };
        try
        {
            var running = WharfServer.RunAsync(options, stop.Token);
            using var http = new HttpClient { BaseAddress = new Uri(options.ApiUrl) };
            var health = await WaitForHealthAsync(http, running);
            Assert.Equal("ok", health["status"]);

            await stop.CancelAsync();
            await running.WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
            Assert.True(File.Exists(Path.Combine(directory, "admin.token")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task RunAsync_PortTaken_FailsWithOneSentence()
    {
        var port = FreePort();
        var blocker = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
        blocker.Start();
        try
        {
            var options = new ServerOptions { DataDirectory = Path.Combine(Path.GetTempPath(), "never-made-" + Guid.NewGuid().ToString("N")), ApiUrl = $"http://127.0.0.1:{port}", StartRouter = false };

            var error = await Assert.ThrowsAsync<ServerStartupException>(() => WharfServer.RunAsync(options, CancellationToken.None));

            Assert.StartsWith($"wharf server cannot start: Cannot listen on http://127.0.0.1:{port}:", error.Message, StringComparison.Ordinal);
            Assert.False(Directory.Exists(options.DataDirectory));
        }
        finally
        {
            blocker.Stop();
        }
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task<Dictionary<string, string>> WaitForHealthAsync(HttpClient http, Task running)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            Assert.False(running.IsCompleted, "The server stopped before answering.");
            try
            {
                return (await http.GetFromJsonAsync<Dictionary<string, string>>("/health"))!;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }
}
