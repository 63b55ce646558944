using System.Text.Json;
using NJsonSchema;

namespace Wharf.Manifest.Tests.Schema;

/// <summary>Keeps wharf.schema.json, which editors use, in step with what the parser accepts.</summary>
public class ManifestSchemaTests
{
    private static readonly JsonElement _root = JsonDocument.Parse(ManifestSchema.Read()).RootElement;

    public static TheoryData<string, string[]> Sections() => new()
    {
        { "#", [.. ManifestKeys.TopLevel] },
        { "#/definitions/service", [.. ManifestKeys.Service] },
        { "#/definitions/build", [.. ManifestKeys.Build] },
        { "#/definitions/health", [.. ManifestKeys.Health] },
        { "#/definitions/scale", [.. ManifestKeys.Scale] },
        { "#/definitions/termination", [.. ManifestKeys.Termination] },
        { "#/definitions/deployment", [.. ManifestKeys.Deployment] },
        { "#/definitions/resource", [.. ManifestKeys.Resource] },
        { "#/definitions/timer", [.. ManifestKeys.Timer] },
    };

    public static TheoryData<string> Examples() => [.. Manifests.ExampleFiles().Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(Sections))]
    public void Schema_Section_ListsExactlyTheParsersKeys(string section, string[] keys)
    {
        var definition = Resolve(section);

        Assert.Equal(keys.Order(), definition.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order());
        Assert.False(definition.GetProperty("additionalProperties").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(Sections))]
    public void Schema_Section_DescribesEveryProperty(string section, string[] keys)
    {
        var properties = Resolve(section).GetProperty("properties");

        Assert.All(keys, key =>
        {
            var property = properties.GetProperty(key);
            var described = property.TryGetProperty("description", out _)
                || (property.TryGetProperty("$ref", out var reference) && Resolve(reference.GetString()!).TryGetProperty("description", out _));
            Assert.True(described, $"{section}/properties/{key} has no description");
        });
    }

    [Fact]
    public void Schema_EnumeratedWords_MatchTheParsersChoices()
    {
        Assert.Equal(ManifestKeys.ResourceTypes, Words("#/definitions/resource", "type"));
        Assert.Equal(ManifestKeys.TimerConcurrencies, Words("#/definitions/timer", "concurrency"));
    }

    [Fact]
    public void Schema_Declaration_IsDraft07()
    {
        Assert.Equal("http://json-schema.org/draft-07/schema#", _root.GetProperty("$schema").GetString());
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Validate_ExampleManifest_PassesSchemaAndParser(string example)
    {
        var yaml = await File.ReadAllTextAsync(Manifests.ExamplePath(example));
        var schema = await JsonSchema.FromJsonAsync(ManifestSchema.Read());

        var errors = schema.Validate(YamlToJson.Convert(yaml));

        Assert.Empty(errors.Select(e => $"{e.Path}: {e.Kind}"));
        Assert.True(ManifestLoader.Parse(yaml).IsValid);
    }

    [Theory]
    [InlineData("services:\n  web: {image: nginx, prot: 80}\n")]
    [InlineData("services:\n  Web: {image: nginx}\n")]
    [InlineData("services:\n  web: {image: nginx, port: 70000}\n")]
    [InlineData("services:\n  web: {image: nginx, health: {interval: soon}}\n")]
    [InlineData("services: {}\n")]
    [InlineData("resources:\n  db: {type: mysql}\nservices:\n  web: {image: nginx}\n")]
    public async Task Validate_ManifestTheParserRejects_FailsSchemaToo(string yaml)
    {
        var schema = await JsonSchema.FromJsonAsync(ManifestSchema.Read());

        Assert.NotEmpty(schema.Validate(YamlToJson.Convert(yaml)));
        Assert.False(ManifestLoader.Parse(yaml).IsValid);
    }

    private static JsonElement Resolve(string section)
    {
        var element = _root;
        foreach (var part in section.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            element = element.GetProperty(part);
        }

        return element;
    }

    private static IEnumerable<string> Words(string section, string key) =>
        Resolve(section).GetProperty("properties").GetProperty(key).GetProperty("enum").EnumerateArray().Select(e => e.GetString()!);
}
