using Wharf.Core.Crypto;
using Wharf.Server.Certificates;
using Wharf.Server.Routing;
using Wharf.Server.Tests.Infrastructure;
using Wharf.Storage;

namespace Wharf.Server.Tests.Routing;

/// <summary>
/// A <see cref="RouterSupervisor"/> wired by hand, outside a host, so a failed start is the exception itself:
/// real blob store and key in a fresh data directory, a recording router control, a script as the router.
/// </summary>
public sealed class SupervisorHarness : IAsyncDisposable
{
    private readonly LoggerFactory _loggers;

    public SupervisorHarness(RecordingRouterControl router, string routerScript, RouterSupervisorSettings settings)
    {
        Directory.CreateDirectory(DataDirectory);
        Options = new ServerOptions { DataDirectory = DataDirectory, StartRouter = true, RouterUrl = "http://127.0.0.1:8080" };
        _loggers = new LoggerFactory([new CapturingLoggerProvider(Logs)]);
        var storage = Options.EffectiveStorage;
        Certificates = new CertificateStore(StorageFactory.CreateBlobs(storage), new EnvelopeCipher(StorageFactory.CreateKey(storage)));
        Publisher = new CertificatePublisher(Certificates, router, _loggers.CreateLogger<CertificatePublisher>());
        Supervisor = new RouterSupervisor(
            Options, router, Publisher, new NoRouterTableSync(), new RouterEntryPoint(routerScript, null), settings, TimeProvider.System, _loggers.CreateLogger<RouterSupervisor>());
    }

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "wharf-tests-" + Guid.NewGuid().ToString("N"));

    public ServerOptions Options { get; }

    public CapturedLogs Logs { get; } = new();

    public CertificateStore Certificates { get; }

    public CertificatePublisher Publisher { get; }

    public RouterSupervisor Supervisor { get; }

    public string RouterFile(string name) => Path.Combine(DataDirectory, "router", name);

    public async ValueTask DisposeAsync()
    {
        await Supervisor.StopAsync(CancellationToken.None);
        Supervisor.Dispose();
        Publisher.Dispose();
        _loggers.Dispose();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
