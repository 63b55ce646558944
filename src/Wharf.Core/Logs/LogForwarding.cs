using System.Text.Json;
using Microsoft.Extensions.Logging;
using Wharf.Core.Api;
using Wharf.Core.Apps;
using Wharf.Core.Audit;
using Wharf.Core.Auth;
using Wharf.Core.Blobs;
using Wharf.Core.Errors;
using Wharf.Core.State;

namespace Wharf.Core.Logs;

/// <summary>
/// `wharf logs forward`: which apps' logs go to a syslog endpoint (kept as a small blob next to the app's other
/// blobs, so deleting the app deletes the setting), and the forwarders that send them.
/// </summary>
public sealed class LogForwarding(
    IStateStore state, IBlobStore blobs, ILogStore store, AuditLog audit, TimeProvider clock, ILogger<LogForwarding> logger)
    : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Running> _running = new(StringComparer.Ordinal);
    private bool _stopped;

    public static string BlobKey(string app) => $"{AppService.BlobPrefix(app)}log-forward.json";

    /// <summary>The apps being forwarded now, with where to (tests and diagnostics).</summary>
    public IReadOnlyDictionary<string, string> Active
    {
        get
        {
            lock (_lock)
            {
                return _running.ToDictionary(r => r.Key, r => r.Value.Forwarder.Target.Url, StringComparer.Ordinal);
            }
        }
    }

    public async Task<LogForwardInfo> GetAsync(string app, CancellationToken ct = default)
    {
        await state.Apps.RequireAsync(app, ct);
        return new LogForwardInfo((await ReadAsync(app, ct))?.Url);
    }

    /// <summary>Forwards the app's log to <paramref name="url"/> from now on (instead of where it went before).</summary>
    public async Task<LogForwardInfo> SetAsync(Actor actor, string app, string? url, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await state.Apps.RequireAsync(app, ct);
        if (!SyslogTarget.TryParse(url, out var target, out var problem))
        {
            throw WharfValidationException.For("url", problem);
        }

        using (var content = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(new LogForwardInfo(target.Url), JsonSerializerOptions.Web)))
        {
            await blobs.PutAsync(BlobKey(app), content, ct);
        }

        await audit.RecordAsync(actor, LogAuditActions.Forward, app, target.Url, ct);
        await StopAsync(app);
        Start(app, target);
        return new LogForwardInfo(target.Url);
    }

    /// <summary>Stops forwarding the app's log.</summary>
    public async Task<LogForwardInfo> RemoveAsync(Actor actor, string app, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await state.Apps.RequireAsync(app, ct);
        if (await blobs.DeleteAsync(BlobKey(app), ct))
        {
            await audit.RecordAsync(actor, LogAuditActions.Forward, app, "off", ct);
        }

        await StopAsync(app);
        return new LogForwardInfo(null);
    }

    /// <summary>Starts forwarding every app that has it set (on server start).</summary>
    public async Task StartAsync(CancellationToken ct = default)
    {
        foreach (var app in await state.Apps.ListAsync(ct))
        {
            try
            {
                if (await ReadAsync(app.Name, ct) is { } target)
                {
                    Start(app.Name, target);
                }
            }
            catch (Exception e) when (e is JsonException or IOException)
            {
                LogForwardingLog.SettingUnreadable(logger, app.Name, e);
            }
        }
    }

    /// <summary>Stops every forwarder.</summary>
    public async Task StopAsync()
    {
        List<Running> running;
        lock (_lock)
        {
            _stopped = true;
            running = [.. _running.Values];
            _running.Clear();
        }

        foreach (var forwarder in running)
        {
            await forwarder.StopAsync();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task<SyslogTarget?> ReadAsync(string app, CancellationToken ct)
    {
        await using var stored = await blobs.OpenReadAsync(BlobKey(app), ct);
        if (stored is null)
        {
            return null;
        }

        var info = await JsonSerializer.DeserializeAsync<LogForwardInfo>(stored, JsonSerializerOptions.Web, ct);
        return SyslogTarget.TryParse(info?.Url, out var target, out _) ? target : null;
    }

    private void Start(string app, SyslogTarget target)
    {
        lock (_lock)
        {
            if (_stopped || _running.ContainsKey(app))
            {
                return;
            }

            var running = new Running(new SyslogForwarder(app, target, store, clock, logger));
            _running[app] = running;
            // Not Task.Run: the forwarder starts following the log before Start returns, so no line stored after it is missed.
            running.Task = RunAsync(app, running);
            LogForwardingLog.Started(logger, app, target.Url);
        }
    }

    private async Task StopAsync(string app)
    {
        Running? running;
        lock (_lock)
        {
            _running.Remove(app, out running);
        }

        if (running is not null)
        {
            await running.StopAsync();
        }
    }

    private async Task RunAsync(string app, Running running)
    {
        try
        {
            await running.Forwarder.RunAsync(running.Cancel.Token);
        }
        catch (OperationCanceledException) when (running.Cancel.IsCancellationRequested)
        {
            // Stopped, or set to another endpoint.
        }
        catch (Exception e)
        {
            LogForwardingLog.Crashed(logger, app, e);
        }
        finally
        {
            // Also when the app's log was deleted with the app: its follow ended.
            lock (_lock)
            {
                if (_running.TryGetValue(app, out var current) && current == running)
                {
                    _running.Remove(app);
                }
            }
        }
    }

    private sealed class Running(SyslogForwarder forwarder)
    {
        public SyslogForwarder Forwarder { get; } = forwarder;

        public CancellationTokenSource Cancel { get; } = new();

        public Task Task { get; set; } = Task.CompletedTask;

        public async Task StopAsync()
        {
            await Cancel.CancelAsync();
            await Task;
            Cancel.Dispose();
        }
    }
}
