using Wharf.Core.Runtime;
using Wharf.Runtime.Docker.Engine.Containers;

namespace Wharf.Runtime.Docker.Runtime;

/// <summary>Turns what the engine says about a container into the <see cref="RuntimeProcess"/> the rest of Wharf sees.</summary>
internal static class ProcessMapper
{
    public static RuntimeProcess? FromInspect(ContainerInspect container)
    {
        if (!ProcessIdentity.TryRead(container.Config.Labels, out var identity))
        {
            return null;
        }

        var state = ProcessStates.FromEngine(container.State.Status);
        return Create(container.Id, identity, state, ProcessDetails.From(container), identity.AddressOn(container.NetworkSettings.Networks, state));
    }

    /// <summary>A list entry plus the inspect-only details; the state and address come from the (newer) list entry.</summary>
    public static RuntimeProcess FromSummary(ContainerSummary summary, ProcessIdentity identity, ProcessDetails details)
    {
        var state = ProcessStates.FromEngine(summary.State);
        return Create(summary.Id, identity, state, details, identity.AddressOn(summary.NetworkSettings?.Networks, state));
    }

    private static RuntimeProcess Create(string containerId, ProcessIdentity identity, ProcessState state, ProcessDetails details, string? address) => new(
        ProcessIds.FromContainerId(containerId),
        identity.App,
        identity.Service,
        identity.Release,
        identity.Kind,
        identity.Timer,
        state,
        details.CreatedAt,
        details.StartedAt,
        details.FinishedAt,
        state == ProcessState.Exited ? details.ExitCode : null,
        details.OutOfMemory,
        address,
        details.Command);
}
