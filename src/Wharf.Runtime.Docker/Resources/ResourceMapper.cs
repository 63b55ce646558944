using Wharf.Core.Resources;
using Wharf.Runtime.Docker.Engine.Containers;
using Wharf.Runtime.Docker.Runtime;

namespace Wharf.Runtime.Docker.Resources;

/// <summary>Reads a resource container back from what the engine says about it.</summary>
internal static class ResourceMapper
{
    /// <summary>The resource, or null for a container that is not one of Wharf's resources.</summary>
    public static ResourceInstance? FromInspect(ContainerInspect container)
    {
        var labels = container.Config.Labels;
        if (!ResourceLabels.AreResource(labels))
        {
            return null;
        }

        var app = labels![ProcessLabels.App];
        var name = labels[ResourceLabels.Resource];
        var state = container.State switch
        {
            { Restarting: true } => ResourceState.Restarting,
            { Running: true } => ResourceState.Running,
            _ => ResourceState.Stopped,
        };
        return new ResourceInstance(
            container.Id,
            app,
            name,
            ResourceLabels.ParseType(labels[ResourceLabels.Type])!.Value,
            container.Config.Image ?? container.Image,
            labels.GetValueOrDefault(ResourceLabels.Fingerprint) ?? "",
            state,
            container.RestartCount,
            state == ResourceState.Running ? null : container.State.ExitCode,
            container.Created,
            container.State.StartedAt > DateTimeOffset.UnixEpoch ? container.State.StartedAt : null,
            ResourceNames.Volume(app, name));
    }
}
