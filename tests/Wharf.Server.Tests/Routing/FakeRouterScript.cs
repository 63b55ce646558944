namespace Wharf.Server.Tests.Routing;

/// <summary>
/// A shell script the server starts in place of the router (as its entry point, so it runs as
/// <c>SCRIPT router --data DIR --http URL</c>): it shows how the server starts a router without needing one.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class FakeRouterScript : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("wharf-fake-router-").FullName;

    public FakeRouterScript(string body)
    {
        Path = System.IO.Path.Combine(_directory, "fake-router.sh");
        File.WriteAllText(Path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string Path { get; }

    /// <summary>A file in the script's directory, for the script and the test to meet at.</summary>
    public string Combine(string name) => System.IO.Path.Combine(_directory, name);

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
