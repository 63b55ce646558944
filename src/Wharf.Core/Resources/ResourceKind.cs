using System.Globalization;
using Wharf.Manifest;

namespace Wharf.Core.Resources;

/// <summary>
/// Everything type-specific about one kind of resource: its image and options, how its container is set up,
/// how Wharf checks, enters, dumps and restores it, and how apps connect to it. One sealed class per kind.
/// </summary>
public abstract class ResourceKind
{
    public abstract ResourceType Type { get; }

    /// <summary>"postgres", as wharf.yml names the type and the image repository.</summary>
    public abstract string Name { get; }

    public abstract string DefaultVersion { get; }

    /// <summary>The oldest major version whose tools (dump, restore, readiness) Wharf relies on.</summary>
    public abstract int MinimumMajorVersion { get; }

    public abstract int Port { get; }

    /// <summary>Where the official image keeps its data; the resource's volume is mounted there.</summary>
    public abstract string DataPath { get; }

    /// <summary>The file extension of an export (".dump", ".rdb").</summary>
    public abstract string ExportExtension { get; }

    /// <summary>The options wharf.yml may set for this kind.</summary>
    public virtual IReadOnlyList<string> Options => ["version", "storage"];

    /// <summary>"postgres:15".</summary>
    public static string Image(ResourceKind kind, ResourceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(settings);
        return $"{kind.Name}:{settings.Version}";
    }

    /// <summary>The resource's options checked, with every problem added to <paramref name="errors"/>; null when there was one.</summary>
    public ResourceSettings? Settings(ResourceManifest resource, ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        foreach (var key in resource.Options.Keys.Where(k => !Options.Contains(k, StringComparer.Ordinal)))
        {
            var why = key == "durable" ? "; durable applies to redis only" : "";
            errors.Add($"resources.{resource.Name}.options: unknown option '{key}' for a {Name} resource{why}; " +
                $"the options are {string.Join(", ", Options)}.");
        }

        var version = resource.Options.GetValueOrDefault("version") ?? DefaultVersion;
        if (!IsVersion(version, out var major))
        {
            errors.Add($"resources.{resource.Name}.options.version: '{version}' is not a version; write a number such as {DefaultVersion}.");
        }
        else if (major < MinimumMajorVersion)
        {
            errors.Add($"resources.{resource.Name}.options.version: {Name} {version} is too old; Wharf needs {MinimumMajorVersion} or newer (default {DefaultVersion}).");
        }

        long? storage = null;
        if (resource.Options.GetValueOrDefault("storage") is { } size)
        {
            if (StorageSize.TryParse(size, out var bytes))
            {
                storage = bytes;
            }
            else
            {
                errors.Add($"resources.{resource.Name}.options.storage: '{size}' is not a size; write one such as 1GB or 512MB.");
            }
        }

        var durable = true;
        if (Options.Contains("durable") && resource.Options.GetValueOrDefault("durable") is { } flag && !TryParseFlag(flag, out durable))
        {
            errors.Add($"resources.{resource.Name}.options.durable: '{flag}' is not true or false.");
        }

        return errors.Count == before ? new ResourceSettings(version, storage, durable) : null;
    }

    /// <summary>"postgres 15".</summary>
    public string Describe(ResourceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return $"{Name} {settings.Version}";
    }

    public abstract ResourceCredentials NewCredentials(string resource);

    public abstract ResourceSpec Spec(string app, string resource, ResourceSettings settings, ResourceCredentials credentials);

    /// <summary>What answers, once the server inside accepts connections with these credentials.</summary>
    public abstract ResourceCommandLine ReadyCheck(ResourceCredentials credentials);

    public virtual bool IsReady(int exitCode, string stdout) => exitCode == 0;

    /// <summary>The interactive client (psql, redis-cli), reading commands from stdin.</summary>
    public abstract ResourceCommandLine Console(ResourceCredentials credentials);

    /// <summary>Writes a dump of the data to stdout.</summary>
    public abstract ResourceCommandLine Export(ResourceCredentials credentials);

    /// <summary>Reads a dump made by <see cref="Export"/> from stdin and replaces the data with it.</summary>
    public abstract ResourceCommandLine Import(ResourceCredentials credentials);

    /// <summary>
    /// Makes the server inside accept these credentials, for data kept from an earlier life of the resource (the
    /// app was deleted with --keep-data and made again); null when the container's settings already do that.
    /// </summary>
    public virtual ResourceCommandLine? SetPassword(ResourceCredentials credentials) => null;

    /// <summary>Prints the data's size in KiB, then a tab (du -sk).</summary>
    public ResourceCommandLine DataUsage() => new(["du", "-sk", DataPath]);

    public ResourceLink Link(string resource, ResourceCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return new ResourceLink(resource, Type, resource, Port, credentials.User, credentials.Password, credentials.Database);
    }

    public abstract string Url(ResourceLink link, bool mask);

    /// <summary>The connection string .NET apps read as ConnectionStrings__NAME.</summary>
    public abstract string ConnectionString(ResourceLink link);

    /// <summary>The parts of an external URL set with `wharf env set`; null when it does not parse as this kind's URL.</summary>
    public abstract ResourceLink? Parse(string resource, string url);

    protected static string Password(ResourceLink link, bool mask)
    {
        ArgumentNullException.ThrowIfNull(link);
        return mask ? "********" : Uri.EscapeDataString(link.Password);
    }

    /// <summary>user and password from a URL's user info, unescaped.</summary>
    protected static (string User, string Password) UserInfo(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var parts = uri.UserInfo.Split(':', 2);
        return (Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
    }

    private static bool IsVersion(string text, out int major)
    {
        major = 0;
        var parts = text.Split('.');
        return parts.Length <= 3
            && parts.All(p => p.Length is > 0 and <= 4 && p.All(char.IsAsciiDigit))
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out major);
    }

    private static bool TryParseFlag(string text, out bool value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "true" or "yes" or "on":
                value = true;
                return true;
            case "false" or "no" or "off":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }
}
