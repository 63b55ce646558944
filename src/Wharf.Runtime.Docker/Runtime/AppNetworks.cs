using Microsoft.Extensions.Logging;
using Wharf.Runtime.Docker.Engine;
using Wharf.Runtime.Docker.Engine.Networks;

namespace Wharf.Runtime.Docker.Runtime;

/// <summary>
/// One private bridge network per app: its services find each other by name there, and nothing of another app
/// can reach them.
/// </summary>
internal sealed class AppNetworks(IDockerClient docker, ILogger logger) : IDisposable
{
    // The engine's duplicate-name check is not atomic: four processes of a new app starting at once made four
    // networks of one name (measured on 20.10), and a name that matches several networks is refused everywhere.
    private readonly SemaphoreSlim _creating = new(1, 1);

    public async Task EnsureAsync(string app, CancellationToken ct)
    {
        var name = ContainerNames.Network(app);
        if (await docker.Networks.InspectAsync(name, ct) is not null)
        {
            return;
        }

        await _creating.WaitAsync(ct);
        try
        {
            if (await docker.Networks.InspectAsync(name, ct) is null)
            {
                await CreateAsync(app, name, ct);
            }
        }
        finally
        {
            _creating.Release();
        }
    }

    /// <summary>Removes the app's network (every one of that name, should there be several); no-op when there is none.</summary>
    public async Task RemoveAsync(string app, CancellationToken ct)
    {
        var name = ContainerNames.Network(app);
        // The engine's name filter matches substrings; only the exact name is the app's.
        var networks = await docker.Networks.ListAsync(DockerFilters.None.Name(name), ct);
        foreach (var network in networks.Where(n => n.Name == name))
        {
            try
            {
                await docker.Networks.RemoveAsync(network.Id, ct);
                RuntimeLog.NetworkRemoved(logger, name, app);
            }
            catch (DockerEngineException e) when (e.IsNotFound)
            {
            }
        }
    }

    public void Dispose() => _creating.Dispose();

    private async Task CreateAsync(string app, string name, CancellationToken ct)
    {
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
            // Created by another client of this engine between the inspect and the create: just as good.
        }
    }
}
