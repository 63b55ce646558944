using Wharf.Core.Api;
using Wharf.Core.Errors;

namespace Wharf.Core.Config;

/// <summary>A checked env change: keys to set (in the order given) and keys to unset.</summary>
public sealed class EnvChangePlan
{
    private EnvChangePlan(IReadOnlyList<KeyValuePair<string, string>> set, IReadOnlyList<string> unset)
    {
        Set = set;
        Unset = unset;
    }

    public IReadOnlyList<KeyValuePair<string, string>> Set { get; }

    public IReadOnlyList<string> Unset { get; }

    /// <summary>What the change does, in key names only, e.g. "Set FOO, BAR; unset BAZ".</summary>
    public string Description
    {
        get
        {
            var parts = new List<string>();
            if (Set.Count > 0)
            {
                parts.Add("Set " + string.Join(", ", Set.Select(s => s.Key)));
            }

            if (Unset.Count > 0)
            {
                parts.Add((parts.Count == 0 ? "Unset " : "unset ") + string.Join(", ", Unset));
            }

            return string.Join("; ", parts);
        }
    }

    /// <summary>Checks the request on its own (keys, values, overlap); whether unset keys exist is checked against the env.</summary>
    public static EnvChangePlan From(EnvChangeRequest? request)
    {
        var errors = new ValidationErrors();
        var set = request?.Set ?? new Dictionary<string, string>();
        var unset = (request?.Unset ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (set.Count == 0 && unset.Count == 0)
        {
            errors.Add("set", "Nothing to change: give at least one key to set or to unset.");
        }

        foreach (var (key, value) in set)
        {
            if (!EnvKeys.IsValid(key))
            {
                errors.Add("set", EnvKeys.Invalid(key));
            }
            else if (value is null)
            {
                errors.Add("set", $"{key} has no value: give one (it may be empty), or unset the key instead.");
            }
        }

        foreach (var key in unset)
        {
            if (!EnvKeys.IsValid(key))
            {
                errors.Add("unset", EnvKeys.Invalid(key));
            }
            else if (set.ContainsKey(key))
            {
                errors.Add("unset", $"{key} is both set and unset in one change: do one or the other.");
            }
        }

        errors.ThrowIfAny();
        return new EnvChangePlan([.. set], unset);
    }

    /// <summary>Applies the change to <paramref name="current"/>, failing on unset keys that are not there.</summary>
    public SortedDictionary<string, string> ApplyTo(string app, IReadOnlyDictionary<string, string> current)
    {
        var errors = new ValidationErrors();
        foreach (var key in Unset.Where(k => !current.ContainsKey(k)))
        {
            errors.Add("unset", $"{key} is not set on app '{app}', so it cannot be unset: run `wharf env -a {app}` to see the keys.");
        }

        errors.ThrowIfAny();
        var next = new SortedDictionary<string, string>(current.ToDictionary(), StringComparer.Ordinal);
        foreach (var key in Unset)
        {
            next.Remove(key);
        }

        foreach (var (key, value) in Set)
        {
            next[key] = value;
        }

        return next;
    }
}
