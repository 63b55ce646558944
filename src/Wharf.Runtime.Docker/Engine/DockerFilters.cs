using System.Collections.Immutable;

namespace Wharf.Runtime.Docker.Engine;

/// <summary>
/// The engine's list and event filters ({"label":["a=b"],"type":["container"]}). Immutable: every
/// method returns a new set, so one base filter can be shared and narrowed per call.
/// </summary>
public sealed class DockerFilters
{
    public static readonly DockerFilters None = new(ImmutableSortedDictionary<string, ImmutableList<string>>.Empty);

    private readonly ImmutableSortedDictionary<string, ImmutableList<string>> _values;

    private DockerFilters(ImmutableSortedDictionary<string, ImmutableList<string>> values) => _values = values;

    public bool IsEmpty => _values.IsEmpty;

    public IReadOnlyDictionary<string, ImmutableList<string>> Values => _values;

    /// <summary>Adds a value for a filter key; values of one key are OR-ed, different keys AND-ed by the engine.</summary>
    public DockerFilters Add(string key, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        var list = _values.TryGetValue(key, out var existing) ? existing : [];
        return new DockerFilters(_values.SetItem(key, list.Add(value)));
    }

    /// <summary>Objects carrying the label, with the given value when one is passed.</summary>
    public DockerFilters Label(string key, string? value = null) => Add("label", value is null ? key : $"{key}={value}");

    public DockerFilters Name(string name) => Add("name", name);

    /// <summary>Event type: container, image, network, volume, daemon...</summary>
    public DockerFilters Type(string type) => Add("type", type);

    /// <summary>Event action: start, die, health_status...</summary>
    public DockerFilters Event(string action) => Add("event", action);

    public static DockerFilters WithLabel(string key, string? value = null) => None.Label(key, value);

    public override string ToString() =>
        string.Join(", ", _values.Select(kv => $"{kv.Key}={string.Join("|", kv.Value)}"));
}
