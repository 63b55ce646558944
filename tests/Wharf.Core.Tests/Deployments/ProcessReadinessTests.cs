using Wharf.Core.Deployments;
using Wharf.Core.Routing;
using Wharf.Core.Runtime;
using Wharf.Core.Tests.Fakes;
using Wharf.Core.Tests.Routing;
using Wharf.Manifest;

namespace Wharf.Core.Tests.Deployments;

/// <summary>Readiness against a real HTTP server: the fake runtime's process has the server's address.</summary>
public sealed class ProcessReadinessTests : IDisposable
{
    private readonly FakeProcessRuntime _runtime = new();
    private readonly InMemoryBlobStore _blobs = new();
    private readonly HttpHealthProbe _health = new();
    private readonly DeploymentOptions _options = new()
    {
        RolloutTimeout = TimeSpan.FromSeconds(1),
        ReadinessPollInterval = TimeSpan.FromMilliseconds(10),
        HealthCheckRetryInterval = TimeSpan.FromMilliseconds(50),
    };

    private readonly ProcessReadiness _readiness;
    private readonly LiveLog _log;

    public ProcessReadinessTests()
    {
        _readiness = new ProcessReadiness(_runtime, new TcpPortProbe(), _health, _options, new RoutingOptions(), TimeProvider.System);
        _log = new LiveLog("deployments/hello/1.log", _blobs, TimeProvider.System, TimeSpan.FromHours(1), 1000);
    }

    [Fact]
    public async Task WaitAsync_HealthAnswers200_ReadyAfterOneCheckWithTheServicesHost()
    {
        await using var server = await TestHttpServer.AnsweringAsync(200);
        var process = Add(server.Address);

        var ready = await _readiness.WaitAsync(process, Web(), _log, CancellationToken.None);

        Assert.Equal(process.Id, ready.Id);
        Assert.Equal([("web.hello.localhost", "/health")], server.Requests);
        var line = Assert.Single(_log.Lines);
        Assert.Matches($@"^web {process.Id} listening on {server.Address} after [0-9.]+ s; GET /health answered 200 OK$", line);
    }

    [Fact]
    public async Task WaitAsync_HealthAnswers404_FailsAtTheDeadlineNamingTheAnswerAndLastLines()
    {
        await using var server = await TestHttpServer.AnsweringAsync(404);
        var process = Add(server.Address);
        _runtime.WriteLogs(process.Id, "GET /health 404");

        var failure = await Assert.ThrowsAsync<DeploymentFailedException>(() => _readiness.WaitAsync(process, Web(), _log, CancellationToken.None));

        Assert.Equal(
            $"web ({process.Id}) did not pass its health check within 1 s: GET /health answered 404 Not Found. Its last line:\nGET /health 404",
            failure.Message);
        Assert.True(server.Requests.Count > 1, "The check is tried again until the deadline.");
        Assert.Equal([$"web {process.Id} is listening on {server.Address}; waiting for its health check: GET /health answered 404 Not Found"], _log.Lines);
    }

    [Fact]
    public async Task WaitAsync_InternalServiceThatNeverAnswersHttp_ReadyOnceItAcceptsConnections()
    {
        using var stop = new CancellationTokenSource();
        await using var server = await TestHttpServer.StartAsync(_ => Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default));
        var process = Add(server.Address);
        var service = Web() with { Internal = true, Health = new ServiceHealth { Path = "/health", Timeout = TimeSpan.FromMilliseconds(200), Grace = TimeSpan.Zero } };

        var ready = await _readiness.WaitAsync(process, service, _log, CancellationToken.None);
        await stop.CancelAsync();

        Assert.Equal(process.Id, ready.Id);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task WaitAsync_ConnectionAcceptedButAnswerTooSlow_FailsSayingItGotNoAnswer()
    {
        using var stop = new CancellationTokenSource();
        await using var server = await TestHttpServer.StartAsync(_ => Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default));
        var process = Add(server.Address);
        var service = Web() with { Health = new ServiceHealth { Path = "/health", Timeout = TimeSpan.FromMilliseconds(200), Grace = TimeSpan.Zero } };

        var failure = await Assert.ThrowsAsync<DeploymentFailedException>(() => _readiness.WaitAsync(process, service, _log, CancellationToken.None));
        await stop.CancelAsync();

        Assert.StartsWith($"web ({process.Id}) did not pass its health check within 1 s: GET /health got no answer within 0.2 s. It wrote nothing.", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitAsync_HealthFailsWhileWarmingUp_ReadyOnceItPasses()
    {
        var calls = 0;
        await using var server = await TestHttpServer.StartAsync(context =>
        {
            context.Response.StatusCode = Interlocked.Increment(ref calls) < 3 ? 503 : 204;
            return Task.CompletedTask;
        });
        var process = Add(server.Address);

        await _readiness.WaitAsync(process, Web(), _log, CancellationToken.None);

        Assert.Equal(3, server.Requests.Count);
        Assert.EndsWith("GET /health answered 204 No Content", _log.Lines[^1], StringComparison.Ordinal);
        Assert.Contains("waiting for its health check: GET /health answered 503 Service Unavailable", _log.Lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitAsync_ExitsWhileFailingItsCheck_SaysItExitedBeforePassingIt()
    {
        RuntimeProcess? process = null;
        await using var server = await TestHttpServer.StartAsync(context =>
        {
            _runtime.MarkExited(process!.Id, 1, "database unreachable");
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        });
        process = Add(server.Address);

        var failure = await Assert.ThrowsAsync<DeploymentFailedException>(() => _readiness.WaitAsync(process, Web(), _log, CancellationToken.None));

        Assert.Equal(
            $"web ({process.Id}) exited with code 1 before passing its health check (last: GET /health answered 500 Internal Server Error). Its last line:\ndatabase unreachable",
            failure.Message);
    }

    [Fact]
    public async Task WaitAsync_NeverListens_KeepsTheListenMessage()
    {
        var process = Add("127.0.0.1:1");

        var failure = await Assert.ThrowsAsync<DeploymentFailedException>(() => _readiness.WaitAsync(process, Web(), _log, CancellationToken.None));

        Assert.StartsWith($"web ({process.Id}) did not listen on port 5000 within 1 s (health grace 0 s + 1 s): check that it listens on 0.0.0.0:5000", failure.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _health.Dispose();

    private static ServiceManifest Web() => new()
    {
        Name = "web",
        Port = 5000,
        Health = new ServiceHealth { Path = "/health", Grace = TimeSpan.Zero },
    };

    private RuntimeProcess Add(string address)
    {
        var now = DateTimeOffset.UtcNow;
        return _runtime.Add(new RuntimeProcess(
            $"{Random.Shared.NextInt64():x12}"[..12], "hello", "web", 1, ProcessKind.Service, null, ProcessState.Running, now, now, null, null, false, address, null));
    }
}
