using System.Text.Json;

namespace Wharf.Cli;

/// <summary>The JSON shape the CLI writes: the API's own web defaults, indented for people and jq alike.</summary>
internal static class CliJson
{
    public static JsonSerializerOptions Indented { get; } = CreateIndented();

    private static JsonSerializerOptions CreateIndented()
    {
        var options = new JsonSerializerOptions(JsonSerializerOptions.Web) { WriteIndented = true };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
