using Microsoft.Extensions.Logging;
using Wharf.Core.Errors;
using Wharf.Core.Routing;

namespace Wharf.Router.Routing;

/// <summary>
/// The table the router was last given: served through <see cref="RoutingState"/> and kept on disk. Made when the
/// router starts, it serves the saved table at once (its backends were serving: they are in rotation, and checked).
/// </summary>
internal sealed class RouteTableStore
{
    private readonly Lock _gate = new();
    private readonly RoutingState _routing;
    private readonly RouteTableFile _file;
    private readonly ILogger<RouteTableStore> _logger;
    private volatile RouteTable _table = RouteTable.Empty;

    public RouteTableStore(RoutingState routing, RouteTableFile file, ILogger<RouteTableStore> logger)
    {
        _routing = routing;
        _file = file;
        _logger = logger;
        if (file.Load() is { } saved)
        {
            routing.Apply(saved, restored: true);
            _table = saved;
        }
    }

    /// <summary>The table being served, as it was given.</summary>
    public RouteTable Table => _table;

    /// <summary>Serves <paramref name="table"/>, then saves it (one apply at a time, so the file always holds the last one served).</summary>
    /// <exception cref="WharfValidationException">The table has problems; nothing changed.</exception>
    /// <exception cref="IOException">It is served, but could not be saved.</exception>
    public void Apply(RouteTable table)
    {
        RouteTableValidator.ThrowIfInvalid(table);
        lock (_gate)
        {
            _routing.Apply(table);
            _table = table;
            try
            {
                _file.Save(table);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                RoutingLog.TableNotSaved(_logger, _file.Path, e);
                throw new IOException($"The router serves the new table but could not save it to {_file.Path} ({e.Message}): after a restart it would serve an older one.", e);
            }
        }
    }
}
