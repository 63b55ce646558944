using System.Globalization;
using Wharf.Core.Api;
using Wharf.Core.Routing;
using Wharf.Server.Routing;
using Wharf.Server.Tests.Infrastructure;

namespace Wharf.Server.Tests.Routing;

/// <summary>
/// How the server makes sure a router runs, with a hand-written router control and shell scripts standing in for
/// the router process (the real router is exercised by <see cref="RouterProcessTests"/>).
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RouterSupervisorTests
{
    [Fact]
    public async Task Start_StartRouterFalse_StartsNothingAndDropsRouterCalls()
    {
        await using var server = new WharfServerFactory();
        _ = server.AdminToken;

        Assert.False(Directory.Exists(Path.Combine(server.DataDirectory, "router")));
        Assert.IsType<NoRouter>(server.Services.GetRequiredService<IRouterControl>());
        Assert.Contains(server.Logs.Lines, l => l.Contains("Running without a router", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_RouterAlreadyAnswers_ReusesItAndHandsItTheStoredCertificates()
    {
        var data = Path.Combine(Path.GetTempPath(), "wharf-tests-" + Guid.NewGuid().ToString("N"));
        var pem = TestCertificates.Ecdsa(["reused.example.com"]);
        await using (var first = new WharfServerFactory { DataDirectory = data, DeleteDataDirectoryOnDispose = false })
        {
            using var admin = first.AdminClient();
            await HttpAssert.OkAsync<CertificateInfo>(
                await admin.PostAsync("/v1/certificates", System.Net.Http.Json.JsonContent.Create(new ImportCertificateRequest(pem.CertificatePem, pem.PrivateKeyPem))),
                System.Net.HttpStatusCode.Created);
        }

        var router = new RecordingRouterControl();
        await using var second = Server(data, router);
        _ = second.AdminToken;

        Assert.Contains(second.Logs.Lines, l => l.Contains("Router already running (pid 4242), serving http://127.0.0.1:8080: reusing it", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(data, "router", "router.pid")));
        var pushed = Assert.Single(router.CertificatePushes);
        var certificate = Assert.Single(pushed);
        Assert.Equal(["reused.example.com"], certificate.Hosts);
        Assert.Equal(pem.PrivateKeyPem.Trim(), certificate.PrivateKeyPem.Trim());
    }

    [Fact]
    public async Task Start_RouterAnswersOnOtherAddresses_WarnsHowToReplaceIt()
    {
        var router = new RecordingRouterControl { Listening = ["http://127.0.0.1:9999"] };
        await using var server = Server(NewDataDirectory(), router);
        _ = server.AdminToken;

        Assert.Contains(server.Logs.Lines, l => l.Contains("The running router serves http://127.0.0.1:9999, not http://127.0.0.1:8080 as configured: stop it (kill 4242)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_RouterExitsAtOnce_FailsWithTheLastLinesOfItsLog()
    {
        using var script = new FakeRouterScript("echo 'Failed to bind to address http://127.0.0.1:8080: address already in use.' >&2\nexit 3");
        await using var harness = new SupervisorHarness(new RecordingRouterControl { Answers = false }, script.Path, Settings());

        var error = await Assert.ThrowsAsync<ServerStartupException>(() => harness.Supervisor.StartAsync(CancellationToken.None));

        Assert.StartsWith("wharf server cannot start: The router did not start (it exited with code 3); the last lines of ", error.Message, StringComparison.Ordinal);
        Assert.Contains(harness.RouterFile("router.log"), error.Message, StringComparison.Ordinal);
        Assert.Contains("    Failed to bind to address http://127.0.0.1:8080: address already in use.", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(harness.RouterFile("router.pid")));
    }

    [Fact]
    public async Task Start_RouterNeverAnswers_IsStoppedAfterTheDeadline_HavingRunDetachedWithItsArguments()
    {
        using var script = new FakeRouterScript(
            "echo \"pid $$ session $(cut -d' ' -f6 /proc/$$/stat) stdin $(readlink /proc/$$/fd/0) args $*\"\nexec sleep 600");
        await using var harness = new SupervisorHarness(new RecordingRouterControl { Answers = false }, script.Path, Settings(startTimeout: TimeSpan.FromSeconds(3)));

        var error = await Assert.ThrowsAsync<ServerStartupException>(() => harness.Supervisor.StartAsync(CancellationToken.None));

        Assert.Contains($"(it did not answer on {harness.RouterFile("control.sock")} within 3 s", error.Message, StringComparison.Ordinal);
        var line = File.ReadAllLines(harness.RouterFile("router.log")).Single(l => l.StartsWith("pid ", StringComparison.Ordinal));
        var words = line.Split(' ');
        var pid = int.Parse(words[1], CultureInfo.InvariantCulture);
        Assert.Equal(words[1], words[3]);
        Assert.Equal("/dev/null", words[5]);
        Assert.EndsWith($"args router --data {harness.DataDirectory} --http http://127.0.0.1:8080", line, StringComparison.Ordinal);
        Assert.Contains(line, error.Message, StringComparison.Ordinal);
        Assert.False(RouterPidFile.IsRouterProcess(pid));
    }

    [Fact]
    public async Task Watch_RouterDiesWhileServing_IsStartedAgainAndGetsTheCertificatesAgain()
    {
        using var script = new FakeRouterScript("echo $$ > \"$(dirname \"$0\")/started\"\nexec sleep 600");
        var started = script.Combine("started");
        var alive = true;
        var router = new RecordingRouterControl
        {
            Status = () =>
                alive ? new RouterStatus(RecordingRouterControl.DefaultProcessId, ["http://127.0.0.1:8080"], 0, [])
                : File.Exists(started) && File.ReadAllText(started).Trim() is { Length: > 0 } pid ? new RouterStatus(int.Parse(pid, CultureInfo.InvariantCulture), ["http://127.0.0.1:8080"], 0, [])
                : null,
        };
        await using var harness = new SupervisorHarness(router, script.Path, Settings(checkInterval: TimeSpan.FromMilliseconds(200)));
        await harness.Supervisor.StartAsync(CancellationToken.None);
        Assert.Single(router.CertificatePushes);

        alive = false;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (router.CertificatePushes.Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var newPid = int.Parse(File.ReadAllText(started).Trim(), CultureInfo.InvariantCulture);
        try
        {
            Assert.Equal(2, router.CertificatePushes.Count);
            Assert.Contains(harness.Logs.Lines, l => l.Contains("The router does not answer on", StringComparison.Ordinal));
            Assert.Contains(harness.Logs.Lines, l => l.Contains($"Router started (pid {newPid})", StringComparison.Ordinal));
            Assert.Equal(newPid.ToString(CultureInfo.InvariantCulture), File.ReadAllText(harness.RouterFile("router.pid")).Trim());
        }
        finally
        {
            using var process = System.Diagnostics.Process.GetProcessById(newPid);
            process.Kill();
        }
    }

    private static RouterSupervisorSettings Settings(TimeSpan? startTimeout = null, TimeSpan? checkInterval = null) => new()
    {
        StartTimeout = startTimeout ?? TimeSpan.FromSeconds(15),
        CheckInterval = checkInterval ?? TimeSpan.FromMinutes(5),
        StatusTimeout = TimeSpan.FromSeconds(1),
    };

    private static WharfServerFactory Server(string data, RecordingRouterControl router) => new()
    {
        DataDirectory = data,
        StartRouter = true,
        ReplaceServices = services =>
        {
            services.AddSingleton<IRouterControl>(router);

            // Never the test host itself: these routers answer, so nothing is started.
            services.AddSingleton(new RouterEntryPoint("/bin/false", null));
        },
    };

    private static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "wharf-tests-" + Guid.NewGuid().ToString("N"));
}
