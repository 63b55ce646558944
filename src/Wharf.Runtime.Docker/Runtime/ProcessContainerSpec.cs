using System.Globalization;
using Wharf.Core.Runtime;
using Wharf.Runtime.Docker.Engine.Containers;

namespace Wharf.Runtime.Docker.Runtime;

/// <summary>How a Wharf process becomes a container.</summary>
internal static class ProcessContainerSpec
{
    private const double MillicoresPerCpu = 1000;

    public static ContainerSpec From(ProcessSpec spec, string name) => new()
    {
        Image = spec.Image,
        Name = name,
        Cmd = spec.Command is { Count: > 0 } command ? command : null,
        Env = Environment(spec),
        Labels = ProcessIdentity.Labels(spec),
        Network = ContainerNames.Network(spec.App),
        // Only service processes answer to the service's name: a `wharf run web -- sh` must not receive web's traffic.
        NetworkAliases = spec.Kind == ProcessKind.Service ? [spec.Service] : [],
        MemoryBytes = spec.MemoryBytes,
        Cpus = spec.CpuMillicores is { } millicores ? millicores / MillicoresPerCpu : null,
        StopSignal = "SIGTERM",
        Init = true,
        // No published ports: the router reaches IP:PORT on the app network, which the host can route to.
    };

    /// <summary>
    /// The spec's environment plus PORT, APP, SERVICE and RELEASE. The platform's four win over the app's config:
    /// the router sends traffic to the port Wharf chose, so a PORT set with `wharf env set` must not move the listener.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Environment(ProcessSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var env = new Dictionary<string, string>(spec.Environment, StringComparer.Ordinal)
        {
            ["APP"] = spec.App,
            ["SERVICE"] = spec.Service,
            ["RELEASE"] = spec.Release.ToString(CultureInfo.InvariantCulture),
        };
        if (spec.Port is { } port)
        {
            env["PORT"] = port.ToString(CultureInfo.InvariantCulture);
        }

        return env;
    }
}
