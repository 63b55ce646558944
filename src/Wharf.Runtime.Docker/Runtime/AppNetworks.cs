using Microsoft.Extensions.Logging;
using Wharf.Runtime.Docker.Engine;
using Wharf.Runtime.Docker.Engine.Networks;

namespace Wharf.Runtime.Docker.Runtime;

/// <summary>
/// One private bridge network per app: its services find each other by name there, and nothing of another app
/// can reach them.
/// </summary>
internal sealed class AppNetworks(IDockerClient docker, ILogger logger)
{
    public async Task EnsureAsync(string app, CancellationToken ct)
    {
        var name = ContainerNames.Network(app);
        if (await docker.Networks.InspectAsync(name, ct) is not null)
        {
            return;
        }

        try
        {
            await docker.Networks.CreateAsync(
                new NetworkSpec
                {
                    Name = name,
                    Labels = new Dictionary<string, string>
                    {
                        [ProcessLabels.Managed] = ProcessLabels.ManagedValue,
                        [ProcessLabels.App] = app,
                    },
                },
                ct);
            RuntimeLog.NetworkCreated(logger, name, app);
        }
        catch (DockerEngineException e) when (e.IsConflict)
        {
            // Two processes of a new app starting at once: the other one created it first, which is just as good.
        }
    }

    /// <summary>Removes the app's network; no-op when it is gone already.</summary>
    public async Task RemoveAsync(string app, CancellationToken ct)
    {
        var name = ContainerNames.Network(app);
        try
        {
            await docker.Networks.RemoveAsync(name, ct);
            RuntimeLog.NetworkRemoved(logger, name, app);
        }
        catch (DockerEngineException e) when (e.IsNotFound)
        {
        }
    }
}
