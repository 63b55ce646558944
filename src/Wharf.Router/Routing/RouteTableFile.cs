using System.Text.Json;
using Microsoft.Extensions.Logging;
using Wharf.Core.Errors;
using Wharf.Core.Routing;

namespace Wharf.Router.Routing;

/// <summary>
/// The last applied table on disk (<see cref="RouterOptions.TablePath"/>), so a restarted router serves at once.
/// Written whole to a temporary file, flushed to disk and renamed over the old one: a crash leaves the old table or
/// the new one, never half of one. Owner-only (0600), like the rest of the router's directory.
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
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, OwnerOnlyDirectory);
        }

        var temporary = $"{Path}.{Guid.NewGuid():N}.tmp";
        try
        {
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                create.UnixCreateMode = OwnerOnlyFile;
            }

            using (var stream = new FileStream(temporary, create))
            {
                JsonSerializer.Serialize(stream, table, RouterJsonContext.Indented.RouteTable);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, Path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The save's own error is the one worth reporting; a stray temporary file is harmless.
        }
    }
}
