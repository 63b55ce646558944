using Wharf.Manifest.Parsing;
using Wharf.Manifest.Validation;
using Wharf.Manifest.Yaml;

namespace Wharf.Manifest;

/// <summary>Reads wharf.yml into an <see cref="AppManifest"/>, or into every error it contains, each with its line and column.</summary>
public static class ManifestLoader
{
    public const string FileName = "wharf.yml";

    /// <summary>The spelling some editors and tools prefer; used only when <see cref="FileName"/> is absent.</summary>
    public const string AlternateFileName = "wharf.yaml";

    /// <param name="fileName">How errors name the file.</param>
    /// <param name="variables">Values for <c>${NAME}</c> references; null means none are available, so any reference is an error.</param>
    public static ManifestResult Parse(string yaml, string fileName = FileName, IReadOnlyDictionary<string, string>? variables = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var context = new ParseContext(fileName, variables);
        var root = NodeReader.Read(yaml, context);
        // Duplicate keys and extra documents still leave a tree worth checking; only a syntax error leaves none.
        var manifest = root is null && context.HasErrors ? null : ManifestParser.Parse(context, root);
        if (manifest is not null)
        {
            ManifestValidator.Validate(context, manifest);
        }

        var errors = context.Errors();
        return new ManifestResult(errors.Count == 0 ? manifest : null, errors);
    }

    /// <param name="path">A manifest file, or a directory holding wharf.yml (or wharf.yaml).</param>
    public static ManifestResult Load(string path, IReadOnlyDictionary<string, string>? variables = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = path;
        if (Directory.Exists(path))
        {
            file = Path.Combine(path, FileName);
            var alternate = Path.Combine(path, AlternateFileName);
            if (!File.Exists(file) && File.Exists(alternate))
            {
                file = alternate;
            }
            else if (!File.Exists(file))
            {
                return Failure(file, $"no {FileName} or {AlternateFileName} in directory '{path}'; create one with at least a 'services' section");
            }
        }
        else if (!File.Exists(path))
        {
            return Failure(file, "file not found");
        }

        string yaml;
        try
        {
            yaml = File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Failure(file, $"cannot read the file: {ex.Message}");
        }

        return Parse(yaml, file, variables);
    }

    private static ManifestResult Failure(string file, string message) => new(null, [new ManifestError(file, 1, 1, message)]);
}
