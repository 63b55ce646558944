using Wharf.Core.Errors;
using Wharf.Core.Processes;
using Wharf.Core.Releases;
using Wharf.Core.Runtime;
using Wharf.Manifest;

namespace Wharf.Core.Tests.Processes;

public sealed class ProcessSpecFactoryTests
{
    private static readonly Release _release = new("hello", 4, 2, 3, null, "Deploy build 2", "alice", DateTimeOffset.UnixEpoch);

    private static readonly AppManifest _manifest = ManifestLoader.Parse("""
        environment:
          - LOG_LEVEL=info
          - DATABASE_URL
        services:
          web:
            build: .
            command: bin/web --port $PORT
            port: 8080
            scale:
              memory: 512MiB
            environment:
              - LOG_LEVEL=debug
        """).Manifest!;

    private static readonly Dictionary<string, string> _images = new() { ["web"] = "wharf/hello-web:2" };

    [Fact]
    public void Create_Service_UsesBuildImageCommandPortLimitsAndEnvWithDefaults()
    {
        var spec = ProcessSpecFactory.Create(_release, "web", new Dictionary<string, string> { ["DATABASE_URL"] = "postgres://x", ["EXTRA"] = "1" }, _manifest, _images);

        Assert.Equal(("hello", "web", 4, "wharf/hello-web:2", ProcessKind.Service), (spec.App, spec.Service, spec.Release, spec.Image, spec.Kind));
        Assert.Equal(["/bin/sh", "-c", "bin/web --port $PORT"], spec.Command);
        Assert.Equal(((int?)8080, (long?)512 * 1024 * 1024), (spec.Port, spec.MemoryBytes));
        Assert.Equal(
            new Dictionary<string, string> { ["DATABASE_URL"] = "postgres://x", ["EXTRA"] = "1", ["LOG_LEVEL"] = "debug" },
            spec.Environment);
    }

    [Fact]
    public void Create_ConfigSetsADeclaredKey_ConfigWins()
    {
        var spec = ProcessSpecFactory.Create(_release, "web", new Dictionary<string, string> { ["DATABASE_URL"] = "d", ["LOG_LEVEL"] = "warn" }, _manifest, _images);

        Assert.Equal("warn", spec.Environment["LOG_LEVEL"]);
    }

    [Fact]
    public void Create_OneOffWithCommand_ReplacesTheServiceCommand()
    {
        var spec = ProcessSpecFactory.Create(
            _release, "web", new Dictionary<string, string> { ["DATABASE_URL"] = "d" }, _manifest, _images, ProcessKind.OneOff, command: ["rake", "db:migrate"]);

        Assert.Equal(ProcessKind.OneOff, spec.Kind);
        Assert.Equal(["rake", "db:migrate"], spec.Command);
    }

    [Fact]
    public void Create_RequiredKeyMissing_SaysWhichAndHowToSetIt()
    {
        var error = Assert.Throws<WharfValidationException>(() => ProcessSpecFactory.Create(_release, "web", new Dictionary<string, string>(), _manifest, _images));

        Assert.Equal(
            "Service 'web' of app 'hello' needs DATABASE_URL, which is not set in release 4: run `wharf env set -a hello DATABASE_URL=...`.",
            error.Message);
    }

    [Fact]
    public void Create_NoImageForTheService_SaysToDeploy()
    {
        var error = Assert.Throws<WharfValidationException>(() =>
            ProcessSpecFactory.Create(_release, "web", new Dictionary<string, string> { ["DATABASE_URL"] = "d" }, _manifest, new Dictionary<string, string>()));

        Assert.Equal("Release 4 of app 'hello' has no image for service 'web': deploy the app to build one.", error.Message);
    }

    [Fact]
    public void Create_UnknownService_ListsTheServices()
    {
        var error = Assert.Throws<WharfValidationException>(() => ProcessSpecFactory.Create(_release, "api", new Dictionary<string, string>(), _manifest, _images));

        Assert.Equal("Release 4 of app 'hello' has no service 'api'; its services are: web.", error.Message);
    }
}
