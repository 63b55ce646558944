using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Wharf.Core.Routing;

/// <summary>
/// Keeps the router's table in step with state: builds the table and hands it over when it differs from the last
/// one the router took, when the last hand-over failed, or when <see cref="RoutingOptions.SyncInterval"/> has
/// passed (a router that restarted gets it back). One sync at a time, so tables reach the router in the order
/// they were built.
/// </summary>
public sealed class RouterSync(
    RouteTableBuilder builder,
    IRouterControl router,
    DrainingProcesses draining,
    RoutingOptions options,
    TimeProvider clock,
    ILogger<RouterSync> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private RouteTable? _applied;
    private long _appliedAt;
    private bool _failing;

    /// <summary>The table the router took last; null before the first, and after a failed hand-over.</summary>
    public RouteTable? Applied => Volatile.Read(ref _applied);

    /// <summary>Builds the table and hands it to the router when needed (always when forced: a new router process); returns the table built.</summary>
    /// <exception cref="RouterSyncException">The table could not be built or the router did not take it; the message says why.</exception>
    public Task<RouteTable> SyncAsync(CancellationToken ct = default) => SyncAsync(force: false, ct);

    /// <inheritdoc cref="SyncAsync(CancellationToken)"/>
    public async Task<RouteTable> SyncAsync(bool force, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return await SyncLockedAsync(force, ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Takes processes out of rotation: they join <see cref="DrainingProcesses"/> (so every later table leaves them
    /// out too), then the table is synced. They leave the set once they are gone from the runtime.
    /// </summary>
    /// <exception cref="RouterSyncException">The router did not take the table; the processes stay excluded from the next one.</exception>
    public Task<RouteTable> ExcludeAsync(IEnumerable<string> processIds, CancellationToken ct = default)
    {
        draining.AddRange(processIds);
        return SyncAsync(ct);
    }

    public void Dispose() => _gate.Dispose();

    private async Task<RouteTable> SyncLockedAsync(bool force, CancellationToken ct)
    {
        RouteTable? table = null;
        try
        {
            table = await builder.BuildAsync(ct);
            if (!force && _applied is { } applied && clock.GetElapsedTime(_appliedAt) < options.SyncInterval && RouteTableComparer.Instance.Equals(table, applied))
            {
                return table;
            }

            using var timeout = new CancellationTokenSource(options.ApplyTimeout, clock);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
            await router.ApplyAsync(table, deadline.Token);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            Volatile.Write(ref _applied, null);
            if (!_failing)
            {
                _failing = true;
                RoutingLog.SyncFailing(logger, e);
            }

            var reason = e is OperationCanceledException
                ? $"no answer within {options.ApplyTimeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s"
                : e.Message.TrimEnd('.');
            throw new RouterSyncException(
                table is null ? $"The route table could not be built ({reason})" : $"The router did not take the route table ({reason})", e);
        }

        _appliedAt = clock.GetTimestamp();
        Volatile.Write(ref _applied, table);
        if (_failing)
        {
            _failing = false;
            RoutingLog.SyncRecovered(logger, table.Routes.Count);
        }

        return table;
    }
}
