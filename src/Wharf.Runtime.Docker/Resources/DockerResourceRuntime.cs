using System.Buffers;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Wharf.Core.Resources;
using Wharf.Runtime.Docker.Engine;
using Wharf.Runtime.Docker.Engine.Containers;
using Wharf.Runtime.Docker.Engine.Streams;
using Wharf.Runtime.Docker.Engine.Volumes;
using Wharf.Runtime.Docker.Runtime;

namespace Wharf.Runtime.Docker.Resources;

/// <summary>
/// Resources as containers on the Docker engine: named wharf-APP-RESOURCE, on the app's network under the
/// resource's name, data in the volume wharf-APP-RESOURCE-data, kept up by the engine's unless-stopped policy.
/// Like processes, their labels are the only state; containers without Wharf's resource labels are never touched.
/// </summary>
public sealed class DockerResourceRuntime : IResourceRuntime
{
    private const int InputBufferSize = 64 * 1024;

    private readonly IDockerClient _docker;
    private readonly AppNetworks _networks;
    private readonly ILogger _logger;

    internal DockerResourceRuntime(IDockerClient docker, AppNetworks networks, ILogger<DockerResourceRuntime> logger)
    {
        _docker = docker;
        _networks = networks;
        _logger = logger;
    }

    public async Task<ResourceInstance?> GetAsync(string app, string name, CancellationToken ct = default)
    {
        var container = await _docker.Containers.InspectAsync(ResourceNames.Container(app, name), ct);
        return container is not null && ResourceMapper.FromInspect(container) is { } instance && instance.App == app && instance.Name == name
            ? instance
            : null;
    }

    public async Task<ResourceInstance?> FindAsync(string id, CancellationToken ct = default) =>
        await _docker.Containers.InspectAsync(id, ct) is { } container ? ResourceMapper.FromInspect(container) : null;

    public async Task<IReadOnlyList<ResourceInstance>> ListAsync(string app, CancellationToken ct = default)
    {
        var filters = DockerFilters.WithLabel(ProcessLabels.App, app).Label(ResourceLabels.Resource);
        var found = new List<ResourceInstance>();
        foreach (var summary in await _docker.Containers.ListAsync(filters, all: true, ct))
        {
            // Set-aside containers exist only while a replacement starts; the current one carries the plain name.
            if (ResourceLabels.AreResource(summary.Labels, app)
                && summary.Names?.Contains("/" + ResourceNames.Container(app, summary.Labels![ResourceLabels.Resource])) == true
                && await FindAsync(summary.Id, ct) is { } instance)
            {
                found.Add(instance);
            }
        }

        return [.. found.OrderBy(i => i.Name, StringComparer.Ordinal)];
    }

    public async Task<ResourceInstance> CreateAsync(ResourceSpec spec, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        await _networks.EnsureAsync(spec.App, ct);
        await EnsureImageAsync(spec.Image, ct);
        var volume = ResourceNames.Volume(spec.App, spec.Name);
        await _docker.Volumes.CreateAsync(new VolumeSpec { Name = volume, Labels = ResourceLabels.For(spec.App, spec.Name, spec.Type) }, ct);
        var created = await _docker.Containers.CreateAsync(ResourceContainerSpec.From(spec), ct);
        try
        {
            await _docker.Containers.StartAsync(created.Id, ct);
        }
        catch
        {
            await RemoveContainerAsync(created.Id, CancellationToken.None);
            throw;
        }

        var name = ResourceNames.Container(spec.App, spec.Name);
        ResourceRuntimeLog.Started(_logger, name, spec.Image, volume);
        return await FindAsync(created.Id, ct)
            ?? throw new DockerEngineException($"The container of resource {spec.Name} was removed right after it started.");
    }

    public Task StartAsync(ResourceInstance instance, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return _docker.Containers.StartAsync(instance.Id, ct);
    }

    public async Task SetAsideAsync(ResourceInstance instance, TimeSpan grace, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        await _docker.Containers.StopAsync(instance.Id, grace, ct);
        await _docker.Containers.RenameAsync(instance.Id, ResourceNames.SetAside(instance.App, instance.Name), ct);
    }

    public async Task ReinstateAsync(ResourceInstance instance, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        await _docker.Containers.RenameAsync(instance.Id, ResourceNames.Container(instance.App, instance.Name), ct);
        await _docker.Containers.StartAsync(instance.Id, ct);
    }

    public async Task RemoveAsync(ResourceInstance instance, TimeSpan grace, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        try
        {
            if (grace > TimeSpan.Zero)
            {
                // A database flushes and closes its files on the stop signal; a kill would leave it to recover at next start.
                await _docker.Containers.StopAsync(instance.Id, grace, ct);
            }
        }
        catch (DockerEngineException e) when (e.IsNotFound)
        {
            return;
        }

        await RemoveContainerAsync(instance.Id, ct);
        var name = ResourceNames.Container(instance.App, instance.Name);
        ResourceRuntimeLog.Removed(_logger, name);
    }

    public async Task<IReadOnlyList<ResourceVolume>> VolumesAsync(string app, CancellationToken ct = default)
    {
        var volumes = await _docker.Volumes.ListAsync(DockerFilters.WithLabel(ProcessLabels.App, app).Label(ResourceLabels.Resource), ct);
        return
        [
            .. volumes
                .Where(v => ResourceLabels.AreResource(v.Labels, app))
                .Select(v => new ResourceVolume(v.Labels![ResourceLabels.Resource], v.Name, ResourceLabels.ParseType(v.Labels[ResourceLabels.Type]), v.CreatedAt))
                .OrderBy(v => v.Resource, StringComparer.Ordinal),
        ];
    }

    public async Task RemoveDataAsync(string app, string name, CancellationToken ct = default)
    {
        // A container set aside by a replacement that never finished (the server stopped halfway) still holds the volume.
        var holders = DockerFilters.WithLabel(ProcessLabels.App, app).Label(ResourceLabels.Resource, name);
        foreach (var container in await _docker.Containers.ListAsync(holders, all: true, ct))
        {
            if (ResourceLabels.AreResource(container.Labels, app))
            {
                await RemoveContainerAsync(container.Id, ct);
            }
        }

        var volume = ResourceNames.Volume(app, name);
        try
        {
            await _docker.Volumes.RemoveAsync(volume, ct: ct);
            ResourceRuntimeLog.DataRemoved(_logger, volume);
        }
        catch (DockerEngineException e) when (e.IsNotFound)
        {
        }
    }

    public async Task<IReadOnlyList<string>> LastLinesAsync(ResourceInstance instance, int count, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var lines = new List<string>();
        await foreach (var line in _docker.Containers.GetLogsAsync(instance.Id, new LogsOptions { Tail = count }, ct))
        {
            if (line.Source is LogSource.StdOut or LogSource.StdErr)
            {
                lines.Add(line.Text);
            }
        }

        return lines;
    }

    public async Task<int> ExecAsync(ResourceInstance instance, ResourceExec exec, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(exec);
        var command = exec.Command;
        var spec = new ExecSpec { Cmd = command.Arguments, Env = command.Environment, AttachStdin = true };
        var execId = await _docker.Exec.CreateAsync(instance.Id, spec, ct);
        Exception? inputFailure;
        await using (var attachment = await _docker.Exec.AttachAsync(execId, ct))
        {
            using var stopInput = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var input = PumpInputAsync(attachment, exec.Input, stopInput.Token);
            try
            {
                await foreach (var chunk in attachment.ReadOutputAsync(ct))
                {
                    var sink = chunk.Source switch
                    {
                        LogSource.StdOut => exec.Stdout,
                        LogSource.StdErr => exec.Stderr,
                        LogSource.System => throw new DockerEngineException(
                            $"Running {command.Arguments[0]} in resource {instance.Name} failed: {Encoding.UTF8.GetString(chunk.Bytes.Span).Trim()}"),
                        _ => null,
                    };
                    if (sink is not null)
                    {
                        await sink(chunk.Bytes, ct);
                    }
                }
            }
            finally
            {
                // The command ended (or the caller gave up): whatever input is left has nobody to read it.
                await stopInput.CancelAsync();
                inputFailure = await input;
            }
        }

        if (inputFailure is not null)
        {
            throw new IOException($"Reading the input for {command.Arguments[0]} in resource {instance.Name} failed: {inputFailure.Message}", inputFailure);
        }

        return await ExecExitCodes.WaitAsync(_docker.Exec, execId, instance.Id, ct);
    }

    /// <summary>Copies the input to the command's stdin, then ends it. Returns the input's own failure, if it had one.</summary>
    private static async Task<Exception?> PumpInputAsync(ExecAttachment attachment, Stream? input, CancellationToken ct)
    {
        await Task.Yield();
        var buffer = ArrayPool<byte>.Shared.Rent(InputBufferSize);
        try
        {
            while (input is not null)
            {
                int read;
                try
                {
                    read = await input.ReadAsync(buffer, ct);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    return null;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    return e;
                }

                if (read == 0)
                {
                    return null;
                }

                try
                {
                    await attachment.WriteInputAsync(buffer.AsMemory(0, read), ct);
                }
                catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
                {
                    // The command exited or closed its stdin without reading everything: its exit code tells the rest.
                    return null;
                }
            }

            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            attachment.CloseInput();
        }
    }

    private async Task EnsureImageAsync(string image, CancellationToken ct)
    {
        if (await _docker.Images.InspectAsync(image, ct) is not null)
        {
            return;
        }

        var reference = ImageReference.Parse(image);
        try
        {
            await _docker.Images.PullAsync(reference.Repository, reference.Tag, ct: ct);
            ResourceRuntimeLog.Pulled(_logger, image);
        }
        catch (DockerEngineException e)
        {
            throw new ResourceImageMissingException(image, e.EngineMessage ?? e.Message);
        }
    }

    private async Task RemoveContainerAsync(string id, CancellationToken ct)
    {
        try
        {
            await _docker.Containers.RemoveAsync(id, force: true, ct: ct);
        }
        catch (DockerEngineException e) when (e.IsNotFound || e.IsConflict)
        {
            // Gone already, or being removed by another caller.
        }
    }
}
