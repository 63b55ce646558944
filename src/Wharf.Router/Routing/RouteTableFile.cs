using System.Text.Json;
using Microsoft.Extensions.Logging;
using Wharf.Core.Errors;
using Wharf.Core.Routing;
using Wharf.Storage.IO;

namespace Wharf.Router.Routing;

/// <summary>
/// The last applied table on disk (<see cref="RouterOptions.TablePath"/>), so a restarted router serves at once.
/// Written whole to a temporary file, flushed to disk and renamed over the old one, the directory flushed too: a crash
/// leaves the old table or the new one, never half of one, and a table once saved stays saved. Owner-only (0600), like the rest of the router's directory.
/// </summary>
internal sealed class RouteTableFile(RouterOptions options, ILogger<RouteTableFile> logger)
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = OwnerOnlyFile | UnixFileMode.UserExecute;

    public string Path => options.TablePath;

    /// <summary>The saved table, or null when there is none or it cannot be used (then logged: the router starts empty).</summary>
    public RouteTable? Load()
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        try
        {
            using var stream = File.OpenRead(Path);
            var table = JsonSerializer.Deserialize(stream, RouterJsonContext.Default.RouteTable);
            RouteTableValidator.ThrowIfInvalid(table);
            RoutingLog.TableLoaded(logger, Path, table!.Routes.Count);
            return table;
        }
        catch (Exception e) when (e is JsonException or WharfValidationException or IOException or UnauthorizedAccessException)
        {
            RoutingLog.TableFileUnusable(logger, Path, e.Message);
            return null;
        }
    }

    public void Save(RouteTable table)
    {
        DurableFile.EnsureDirectory(System.IO.Path.GetDirectoryName(Path)!, OwnerOnlyDirectory);
        DurableFile.WriteAtomic(Path, JsonSerializer.SerializeToUtf8Bytes(table, RouterJsonContext.Indented.RouteTable), OwnerOnlyFile, overwrite: true);
    }
}
