using Microsoft.Extensions.Logging;

namespace Wharf.Core.Resources;

/// <summary>Removes an app's resource containers when the app is deleted, and their data unless told to keep it.</summary>
public sealed class ResourceRemover(IResourceRuntime runtime, ResourceTimeouts timeouts, ILogger<ResourceRemover> logger)
{
    /// <param name="keepData">Keep the data volumes: an app made again under the same name finds its data there.</param>
    public async Task RemoveAppAsync(string app, bool keepData, CancellationToken ct = default)
    {
        foreach (var instance in await runtime.ListAsync(app, ct))
        {
            await runtime.RemoveAsync(instance, timeouts.Grace, ct);
            ResourceLog.Removed(logger, app, instance.Name, keepData);
        }

        if (keepData)
        {
            return;
        }

        foreach (var volume in await runtime.VolumesAsync(app, ct))
        {
            await runtime.RemoveDataAsync(app, volume.Resource, ct);
        }
    }
}
