using System.Collections.Concurrent;
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

    // Networks this instance saw exist: every process start of an app would otherwise ask the engine again (one
    // request on the way of every deploy). One removed behind Wharf's back is caught by the start that fails on it.
    private readonly ConcurrentDictionary<string, bool> _known = new(StringComparer.Ordinal);

    /// <summary>
    /// Makes sure the app's network exists, trusting an earlier answer: for process starts, which retry once after
    /// <see cref="Forget"/> when the engine says the network is gone.
    /// </summary>
    public Task EnsureRememberedAsync(string app, CancellationToken ct) =>
        _known.ContainsKey(ContainerNames.Network(app)) ? Task.CompletedTask : EnsureAsync(app, ct);

    /// <summary>Makes sure the app's network exists, asking the engine.</summary>
    public async Task EnsureAsync(string app, CancellationToken ct)
    {
        var name = ContainerNames.Network(app);
        if (await docker.Networks.InspectAsync(name, ct) is not null)
        {
            _known[name] = true;
            return;
        }

        await _creating.WaitAsync(ct);
        try
        {
            if (await docker.Networks.InspectAsync(name, ct) is null)
            {
                await CreateAsync(app, name, ct);
            }

            _known[name] = true;
        }
        finally
        {
            _creating.Release();
        }
    }

    /// <summary>Forgets that the app's network exists (the engine said it does not); true when it was remembered.</summary>
    public bool Forget(string app) => _known.TryRemove(ContainerNames.Network(app), out _);

    /// <summary>Removes the app's network (every one of that name, should there be several); no-op when there is none.</summary>
    public async Task RemoveAsync(string app, CancellationToken ct)
    {
        var name = ContainerNames.Network(app);
        _known.TryRemove(name, out _);
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
