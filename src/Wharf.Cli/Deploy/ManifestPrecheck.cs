using Wharf.Manifest;

namespace Wharf.Cli.Deploy;

/// <summary>
/// Validates an app's wharf.yml on this machine before anything is packed or sent. The variables here are
/// this shell's, but the server interpolates with the app's config, so a variable missing here is only a warning.
/// </summary>
internal static class ManifestPrecheck
{
    public static ManifestCheck Run(string directory, IReadOnlyDictionary<string, string> variables)
    {
        var fileName = !File.Exists(Path.Combine(directory, ManifestLoader.FileName))
            && File.Exists(Path.Combine(directory, ManifestLoader.AlternateFileName))
                ? ManifestLoader.AlternateFileName
                : ManifestLoader.FileName;
        var result = ManifestLoader.Load(directory, variables);
        var warnings = result.Errors.Where(IsMissingVariable).ToList();
        var errors = result.Errors.Where(e => !IsMissingVariable(e)).ToList();
        return new ManifestCheck(fileName, result.Manifest, warnings, errors);
    }

    /// <summary>The loader's "variable 'NAME' is not set" error, the one thing the server may see differently.</summary>
    private static bool IsMissingVariable(ManifestError error) =>
        error.Message.StartsWith("variable '", StringComparison.Ordinal)
        && error.Message.Contains("' is not set", StringComparison.Ordinal);
}
