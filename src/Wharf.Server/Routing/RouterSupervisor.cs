using System.Diagnostics;
using Wharf.Core.Routing;
using Wharf.Router;
using Wharf.Server.Certificates;
using Wharf.Server.Logging;

namespace Wharf.Server.Routing;

/// <summary>
/// Makes sure a router serves apps before the API does: reuses the router that answers on DATA/router/control.sock
/// (it outlives server restarts and upgrades, so apps keep being served), or starts one detached
/// (<see cref="RouterProcessStarter"/>) and waits until it answers. Then hands it the certificates and the route
/// table, and keeps checking it: a router that died is started again, a new router process gets both again.
/// Stopping the server leaves the router running; `kill $(cat DATA/router/router.pid)` stops it.
/// </summary>
public sealed class RouterSupervisor(
    ServerOptions options,
    IRouterControl router,
    CertificatePublisher certificates,
    IRouterTableSync table,
    RouterEntryPoint entry,
    RouterSupervisorSettings settings,
    TimeProvider clock,
    ILogger<RouterSupervisor> logger) : IHostedService, IDisposable
{
    private readonly RouterOptions _router = RouterArguments.For(options);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private Task? _starting;
    private Process? _started;
    private Task? _watch;
    private int? _lastProcessId;
    private bool _away;
    private bool _disposed;
    private string _lastError = "no answer yet";

    private RouterFiles Files => RouterFiles.For(_router);

    public Task StartAsync(CancellationToken cancellationToken) => EnsureStartedAsync(cancellationToken);

    /// <summary>
    /// Runs once, whether called directly (so a router that cannot start is one sentence before the host logs
    /// anything) or by the host as it starts; later calls share the first one's outcome.
    /// </summary>
    public Task EnsureStartedAsync(CancellationToken ct = default)
    {
        lock (_lock)
        {
            return _starting ??= StartCoreAsync(ct);
        }
    }

    private async Task StartCoreAsync(CancellationToken ct)
    {
        if (!options.StartRouter)
        {
            RouterSupervisorLog.RouterDisabled(logger);
            return;
        }

        var status = await EnsureRunningAsync(ct);
        await HandOverAsync(status, ct);
        _watch = WatchAsync(_stopping.Token);
    }

    /// <summary>Stops watching; the router itself keeps running.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_disposed)
        {
            return;
        }

        await _stopping.CancelAsync();
        if (_watch is not null)
        {
            await _watch.WaitAsync(cancellationToken).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    public void Dispose()
    {
        // The host may dispose its services before (or without) stopping them, and disposes this one twice: as
        // itself and as the hosted service.
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stopping.Cancel();
        _stopping.Dispose();
        _started?.Dispose();
    }

    /// <summary>The running router's status: the one that answers, or a new one started here.</summary>
    /// <exception cref="ServerStartupException">No router answers and none could be started; the message quotes router.log.</exception>
    private async Task<RouterStatus> EnsureRunningAsync(CancellationToken ct)
    {
        if (await TryStatusAsync(ct) is { } running)
        {
            RouterSupervisorLog.RouterReused(logger, running.ProcessId, Listing(running.Listening));
            WarnIfListenersDiffer(running);
            return running;
        }

        if (RouterPidFile.ReadAlive(Files.PidPath) is { } earlier)
        {
            // Started by an earlier server and still starting up, perhaps: it gets the same time as a new one.
            if (await WaitAsync(process: null, ct) is { } late)
            {
                RouterSupervisorLog.RouterReused(logger, late.ProcessId, Listing(late.Listening));
                return late;
            }

            throw new ServerStartupException(
                $"The router started earlier (pid {earlier}, in {Files.PidPath}) is running but does not answer on {_router.ControlSocketPath} ({_lastError}): "
                + $"stop it with `kill {earlier}` and start the server again.");
        }

        return await LaunchAsync(ct);
    }

    private async Task<RouterStatus> LaunchAsync(CancellationToken ct)
    {
        RouterLaunch launch;
        Process process;
        try
        {
            launch = RouterLaunch.For(entry, _router);
            RouterSupervisorLog.RouterStarting(logger, launch.ToString(), Files.LogPath);
            process = RouterProcessStarter.Start(launch, Files);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            throw new ServerStartupException($"Cannot start the router: {e.Message}", e);
        }

        _started?.Dispose();
        _started = process;
        if (await WaitAsync(process, ct) is { } status)
        {
            RouterSupervisorLog.RouterStarted(logger, status.ProcessId, Listing(status.Listening), Files.PidPath);
            return status;
        }

        var how = process.HasExited
            ? $"it exited with code {process.ExitCode}"
            : $"it did not answer on {_router.ControlSocketPath} within {settings.StartTimeout.TotalSeconds:0} s ({_lastError}) and was stopped";
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync(ct);
        }

        File.Delete(Files.PidPath);

        var lines = Files.LastLogLines(settings.LogLines);
        var log = lines.Count == 0
            ? $"{Files.LogPath} is empty."
            : $"the last lines of {Files.LogPath}:{Environment.NewLine}" + string.Join(Environment.NewLine, lines.Select(l => "    " + l));
        throw new ServerStartupException($"The router did not start ({how}); {log}");
    }

    /// <summary>Polls the control socket until it answers, <paramref name="process"/> exits, or the start deadline passes.</summary>
    private async Task<RouterStatus?> WaitAsync(Process? process, CancellationToken ct)
    {
        var deadline = clock.GetUtcNow() + settings.StartTimeout;
        while (true)
        {
            if (await TryStatusAsync(ct) is { } status)
            {
                return status;
            }

            if (process is { HasExited: true } || clock.GetUtcNow() >= deadline)
            {
                return null;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), clock, ct);
        }
    }

    private async Task<RouterStatus?> TryStatusAsync(CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(settings.StatusTimeout);
        try
        {
            return await router.StatusAsync(limit.Token);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            _lastError = e is OperationCanceledException ? $"no answer within {settings.StatusTimeout.TotalSeconds:0} s" : e.Message.TrimEnd('.');
            return null;
        }
    }

    /// <summary>Gives a router process it has not seen yet the certificates and the table.</summary>
    private async Task HandOverAsync(RouterStatus status, CancellationToken ct)
    {
        var isNew = status.ProcessId != _lastProcessId;
        _lastProcessId = status.ProcessId;
        if (isNew || certificates.Pending)
        {
            await certificates.PublishAsync(ct);
        }

        if (isNew)
        {
            try
            {
                await table.SyncAsync(ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                RouterSupervisorLog.TableNotPushed(logger, e.Message);
            }
        }
    }

    private async Task WatchAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(settings.CheckInterval, clock, ct);
                await CheckAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A check that fails in an unexpected way must not end the watching: the next one runs as usual.
                RouterSupervisorLog.RouterCheckFailed(logger, e);
            }
        }
    }

    private async Task CheckAsync(CancellationToken ct)
    {
        var status = await TryStatusAsync(ct);
        if (status is null)
        {
            if (!_away)
            {
                RouterSupervisorLog.RouterAway(logger, _router.ControlSocketPath, _lastError);
                _away = true;
            }

            // Only a router that is gone is replaced: one that is alive but slow keeps its port.
            if (RouterPidFile.ReadAlive(Files.PidPath) is not null || _started is { HasExited: false })
            {
                return;
            }

            try
            {
                status = await LaunchAsync(ct);
            }
            catch (ServerStartupException e)
            {
                RouterSupervisorLog.RouterRestartFailed(logger, e.Problems[0]);
                return;
            }
        }

        if (_away)
        {
            RouterSupervisorLog.RouterBack(logger, status.ProcessId);
            _away = false;
        }

        await HandOverAsync(status, ct);
    }

    private void WarnIfListenersDiffer(RouterStatus status)
    {
        string[] configured = [.. _router.HttpUrls, .. _router.HttpsUrls];
        var running = status.Listening.Select(Normal).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!configured.Select(Normal).All(running.Contains))
        {
            RouterSupervisorLog.RouterListenersDiffer(logger, Listing(status.Listening), Listing(configured), status.ProcessId);
        }
    }

    private static string Normal(string url) => url.TrimEnd('/');

    private static string Listing(IReadOnlyList<string> urls) => urls.Count == 0 ? "nothing" : string.Join(", ", urls);
}
