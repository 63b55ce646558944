using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Wharf.Core.Runtime;

namespace Wharf.Runtime.Docker.Runtime;

/// <summary>Who a container is, as its labels say: the part of a process that never changes.</summary>
internal sealed record ProcessIdentity(string App, string Service, int Release, ProcessKind Kind, string? Timer, int? Port)
{
    public static IReadOnlyDictionary<string, string> Labels(ProcessSpec spec)
    {
        var labels = new Dictionary<string, string>
        {
            [ProcessLabels.Managed] = ProcessLabels.ManagedValue,
            [ProcessLabels.App] = spec.App,
            [ProcessLabels.Service] = spec.Service,
            [ProcessLabels.Release] = spec.Release.ToString(CultureInfo.InvariantCulture),
            [ProcessLabels.Kind] = ProcessKinds.ToLabel(spec.Kind),
        };
        if (spec.Kind == ProcessKind.Timer && spec.Timer is not null)
        {
            labels[ProcessLabels.Timer] = spec.Timer;
        }

        if (spec.Port is { } port)
        {
            labels[ProcessLabels.Port] = port.ToString(CultureInfo.InvariantCulture);
        }

        return labels;
    }

    /// <summary>
    /// Reads the labels back. A container that carries wharf.managed but not a readable app, service, release and
    /// kind was not made by this runtime (or was edited by hand): it is left out rather than guessed at.
    /// </summary>
    public static bool TryRead(IReadOnlyDictionary<string, string>? labels, [NotNullWhen(true)] out ProcessIdentity? identity)
    {
        identity = null;
        if (labels is null
            || !labels.TryGetValue(ProcessLabels.Managed, out var managed) || managed != ProcessLabels.ManagedValue
            || !labels.TryGetValue(ProcessLabels.App, out var app) || app.Length == 0
            || !labels.TryGetValue(ProcessLabels.Service, out var service) || service.Length == 0
            || !labels.TryGetValue(ProcessLabels.Release, out var releaseText)
            || !int.TryParse(releaseText, NumberStyles.None, CultureInfo.InvariantCulture, out var release)
            || !ProcessKinds.TryParse(labels.GetValueOrDefault(ProcessLabels.Kind), out var kind))
        {
            return false;
        }

        int? port = int.TryParse(labels.GetValueOrDefault(ProcessLabels.Port), NumberStyles.None, CultureInfo.InvariantCulture, out var p)
            ? p
            : null;
        identity = new ProcessIdentity(app, service, release, kind, labels.GetValueOrDefault(ProcessLabels.Timer), port);
        return true;
    }

    /// <summary>"IP:PORT" on the app's network, for a running process with a port that has an address there.</summary>
    public string? AddressOn(IReadOnlyDictionary<string, Engine.Containers.EndpointSettings>? networks, ProcessState state)
    {
        if (state != ProcessState.Running || Port is not { } port || networks is null
            || !networks.TryGetValue(ContainerNames.Network(App), out var endpoint) || string.IsNullOrEmpty(endpoint.IpAddress))
        {
            return null;
        }

        return $"{endpoint.IpAddress}:{port.ToString(CultureInfo.InvariantCulture)}";
    }
}
