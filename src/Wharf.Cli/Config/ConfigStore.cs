using System.Text.Json;
using Wharf.Cli.Client;

namespace Wharf.Cli.Config;

/// <summary>
/// Reads and writes the config file. It holds a token, so it is only ever readable by its owner
/// (0600, in a 0700 directory), and it is replaced atomically so a crash never leaves half a file.
/// </summary>
internal sealed class ConfigStore(string path)
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = OwnerOnlyFile | UnixFileMode.UserExecute;

    public string Path => path;

    /// <summary>$XDG_CONFIG_HOME/wharf/config.json, else ~/.config/wharf/config.json.</summary>
    public static ConfigStore ForEnvironment(CliEnvironment environment)
    {
        var home = environment.Get("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var configHome = environment.Get("XDG_CONFIG_HOME") ?? System.IO.Path.Combine(home, ".config");
        return new ConfigStore(System.IO.Path.Combine(configHome, "wharf", "config.json"));
    }

    public CliConfig Load()
    {
        if (!File.Exists(path))
        {
            return CliConfig.Empty;
        }

        try
        {
            return Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new CliException($"The config file {path} is not valid JSON ({e.Message}); run `wharf login` to rewrite it.");
        }
    }

    /// <summary>
    /// Reads the two fields by hand (names in any case, other fields ignored, like the serializer with the API's web
    /// defaults): every command reads this file first, and the serializer's set-up costs a fresh process more than the
    /// whole file is worth.
    /// </summary>
    internal static CliConfig Parse(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Null)
        {
            return CliConfig.Empty;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"it holds {Describe(root.ValueKind)}, not an object");
        }

        string? url = null;
        string? token = null;
        foreach (var field in root.EnumerateObject())
        {
            if (field.Name.Equals(nameof(CliConfig.Url), StringComparison.OrdinalIgnoreCase))
            {
                url = Text(field);
            }
            else if (field.Name.Equals(nameof(CliConfig.Token), StringComparison.OrdinalIgnoreCase))
            {
                token = Text(field);
            }
        }

        return new CliConfig(url, token);
    }

    private static string? Text(JsonProperty field) => field.Value.ValueKind switch
    {
        JsonValueKind.String => field.Value.GetString(),
        JsonValueKind.Null => null,
        _ => throw new JsonException($"\"{field.Name}\" is {Describe(field.Value.ValueKind)}, not a string"),
    };

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "a " + kind.ToString().ToLowerInvariant(),
    };

    public void Save(CliConfig config)
    {
        var directory = System.IO.Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, OwnerOnlyDirectory);
        }

        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, config, ApiJson.Info<CliConfig>(ApiJson.Indented));
        }

        if (!OperatingSystem.IsWindows())
        {
            // UnixCreateMode only applies to new files; a leftover temp file keeps its old mode otherwise.
            File.SetUnixFileMode(temporary, OwnerOnlyFile);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
