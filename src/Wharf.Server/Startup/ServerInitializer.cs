using Wharf.Core.Crypto;
using Wharf.Core.State;
using Wharf.Server.Logging;

namespace Wharf.Server.Startup;

/// <summary>
/// Prepares the data directory before the API takes requests: DATA (0700), DATA/admin.token (0600), the key, and
/// the state store's schema. Runs once, whether called directly (so problems surface as sentences before the
/// host logs anything) or by the host as it starts.
/// </summary>
public sealed class ServerInitializer(
    ServerOptions options,
    AdminTokenFile adminToken,
    IServiceProvider services,
    ILogger<ServerInitializer> logger) : IHostedLifecycleService
{
    private readonly Lock _lock = new();
    private Task? _preparation;

    /// <summary>Prepares once; later calls share the first one's outcome.</summary>
    public Task InitializeAsync(CancellationToken ct = default)
    {
        lock (_lock)
        {
            return _preparation ??= PrepareAsync(ct);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => InitializeAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        ServerLog.Listening(logger, options.ApiUrl, options.DataDirectory);
        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task PrepareAsync(CancellationToken ct)
    {
        var storage = options.EffectiveStorage;
        try
        {
            OwnerOnlyFiles.EnsureDirectory(options.DataDirectory);
            if (adminToken.EnsureCreated())
            {
                ServerLog.AdminTokenCreated(logger, adminToken.Path);
            }
            else if (adminToken.IsTooOpen())
            {
                ServerLog.AdminTokenTooOpen(logger, adminToken.Path);
            }

            _ = services.GetRequiredService<IKeyEncryptionKey>();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            throw new ServerStartupException($"Cannot prepare the data directory '{options.DataDirectory}': {ex.Message}", ex);
        }

        try
        {
            await services.GetRequiredService<IStateStore>().MigrateAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new ServerStartupException(
                $"Cannot open or migrate the '{storage.State}' state store: {ex.Message} Check the storage settings ({ServerSettings.StateVariable}, {ServerSettings.PostgresVariable}).",
                ex);
        }

        ServerLog.StorageReady(logger, storage.State, storage.Blobs, storage.Keys);
    }
}
