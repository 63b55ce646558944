using Wharf.Core.Resources;
using Wharf.Runtime.Docker.Engine.Containers;
using Wharf.Runtime.Docker.Runtime;

namespace Wharf.Runtime.Docker.Resources;

/// <summary>How a resource becomes a container.</summary>
internal static class ResourceContainerSpec
{
    public static ContainerSpec From(ResourceSpec spec)
    {
        var labels = ResourceLabels.For(spec.App, spec.Name, spec.Type);
        labels[ResourceLabels.Fingerprint] = spec.Fingerprint();
        return new ContainerSpec
        {
            Image = spec.Image,
            Name = ResourceNames.Container(spec.App, spec.Name),
            Cmd = spec.Command is { Count: > 0 } command ? command : null,
            Env = spec.Environment,
            Labels = labels,
            Network = ContainerNames.Network(spec.App),
            // MAIN_HOST=main: the app's services reach the resource by its name.
            NetworkAliases = [spec.Name],
            Mounts = [ContainerMount.Volume(ResourceNames.Volume(spec.App, spec.Name), spec.DataPath)],
            // The engine brings it back after a crash or a reboot, whether or not the Wharf server runs; stop and
            // remove (redeploys, deletes) are Wharf's own calls, which this policy does not fight.
            RestartPolicy = "unless-stopped",
            // No published port: only the app's network reaches it. The image's own stop signal applies (SIGINT: a fast, clean shutdown).
        };
    }
}
