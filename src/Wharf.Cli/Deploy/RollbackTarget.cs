using Wharf.Core.Api;

namespace Wharf.Cli.Deploy;

/// <summary>Which release `wharf releases rollback` rolls out: the one asked for, or the newest older one with a build.</summary>
internal static class RollbackTarget
{
    /// <param name="releases">The app's releases (any order), the current one marked.</param>
    /// <param name="requested">The release the user named, if any.</param>
    /// <exception cref="CliException">There is nothing to roll back to, or the named release is not an older one.</exception>
    public static int Pick(string app, IReadOnlyList<ReleaseInfo> releases, int? requested)
    {
        ArgumentNullException.ThrowIfNull(releases);
        var current = releases.FirstOrDefault(r => r.Current)
            ?? throw new CliException($"{app} has no current release, so there is nothing to roll back: deploy it first with `wharf deploy -a {app}`.");
        if (requested is { } version)
        {
            if (version == current.Version)
            {
                throw new CliException($"Release v{version} is already the current release of {app}: name an older one (`wharf releases -a {app}` lists them).");
            }

            if (version > current.Version)
            {
                throw new CliException($"Release v{version} is newer than {app}'s current v{current.Version}: that is not a rollback; use `wharf releases promote -a {app} {version}`.");
            }

            return version;
        }

        var target = releases
            .Where(r => r.Version < current.Version && r.Build is not null)
            .MaxBy(r => r.Version);
        return target?.Version
            ?? throw new CliException(
                $"There is nothing to roll back to: no release of {app} older than the current v{current.Version} has a build. `wharf releases -a {app}` lists them.");
    }
}
