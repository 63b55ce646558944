namespace Wharf.Manifest.Tests;

public sealed class ManifestLoaderLoadTests : IDisposable
{
    private const string Valid = "services:\n  web: {image: nginx}\n";
    private readonly string _directory = Directory.CreateTempSubdirectory("wharf-manifest-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Load_DirectoryWithWharfYml_ReadsIt()
    {
        File.WriteAllText(Path.Combine(_directory, "wharf.yml"), Valid);

        Assert.True(ManifestLoader.Load(_directory).IsValid);
    }

    [Fact]
    public void Load_DirectoryWithOnlyWharfYaml_FallsBackToIt()
    {
        File.WriteAllText(Path.Combine(_directory, "wharf.yaml"), "services: {}\n");

        var error = Assert.Single(ManifestLoader.Load(_directory).Errors);

        Assert.Equal(Path.Combine(_directory, "wharf.yaml"), error.File);
    }

    [Fact]
    public void Load_DirectoryWithBothSpellings_PrefersWharfYml()
    {
        File.WriteAllText(Path.Combine(_directory, "wharf.yml"), Valid);
        File.WriteAllText(Path.Combine(_directory, "wharf.yaml"), "not: valid\n");

        Assert.True(ManifestLoader.Load(_directory).IsValid);
    }

    [Fact]
    public void Load_File_NamesThePathAsGivenInErrors()
    {
        var path = Path.Combine(_directory, "staging.yml");
        File.WriteAllText(path, "services:\n  web: {image: nginx, port: x}\n");

        var error = Assert.Single(ManifestLoader.Load(path).Errors);

        Assert.Equal($"{path}:2:29: port must be a whole number between 1 and 65535, got 'x'", error.ToString());
    }

    [Fact]
    public void Load_FileWithVariables_Interpolates()
    {
        var path = Path.Combine(_directory, "wharf.yml");
        File.WriteAllText(path, "services:\n  web: {image: 'nginx:${TAG}'}\n");

        var result = ManifestLoader.Load(path, new Dictionary<string, string> { ["TAG"] = "1.27" });

        Assert.Equal("nginx:1.27", result.Manifest!.Services["web"].Image);
    }

    [Fact]
    public void Load_MissingFile_ReportsOneErrorAtLineOne()
    {
        var path = Path.Combine(_directory, "nope.yml");

        var result = ManifestLoader.Load(path);

        Assert.Equal($"{path}:1:1: file not found", Assert.Single(result.Errors).ToString());
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Load_DirectoryWithoutManifest_SaysWhatToCreate()
    {
        var result = ManifestLoader.Load(_directory);

        Assert.Equal(
            $"{Path.Combine(_directory, "wharf.yml")}:1:1: no wharf.yml or wharf.yaml in directory '{_directory}'; create one with at least a 'services' section",
            Assert.Single(result.Errors).ToString());
    }
}
