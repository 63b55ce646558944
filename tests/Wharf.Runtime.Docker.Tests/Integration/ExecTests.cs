using Wharf.Runtime.Docker.Engine;
using Wharf.Runtime.Docker.Engine.Containers;
using Wharf.Runtime.Docker.Tests.TestSupport;

namespace Wharf.Runtime.Docker.Tests.Integration;

[Trait("Category", TestCategories.Docker)]
public sealed class ExecTests(DockerEngineFixture docker) : IClassFixture<DockerEngineFixture>
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task RunAsync_CommandWritesBothStreamsAndFails_ReturnsOutputAndExitCode()
    {
        var id = await docker.RunAsync(docker.Container("exec", "sleep", "300"), Timeout);

        var result = await docker.Client.Exec.RunAsync(id, new ExecSpec
        {
            Cmd = ["sh", "-c", "echo hello from $WHO in $(pwd); echo oops >&2; exit 5"],
            Env = new Dictionary<string, string> { ["WHO"] = "exec" },
            WorkingDir = "/tmp",
        }, Timeout);

        Assert.Equal(5, result.ExitCode);
        Assert.Equal("hello from exec in /tmp", result.StdOut);
        Assert.Equal("oops", result.StdErr);
    }

    [Fact]
    public async Task RunAsync_SuccessfulCommand_ReturnsZero()
    {
        var id = await docker.RunAsync(docker.Container("exec-ok", "sleep", "300"), Timeout);

        var result = await docker.Client.Exec.RunAsync(id, new ExecSpec { Cmd = ["cat", "/etc/debian_version"] }, Timeout);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("12.", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_StoppedContainer_SaysItIsNotRunning()
    {
        var id = await docker.RunAsync(docker.Container("exec-stopped", "true"), Timeout);
        await docker.Client.Containers.WaitAsync(id, ct: Timeout);

        var error = await Assert.ThrowsAsync<DockerEngineException>(
            () => docker.Client.Exec.CreateAsync(id, new ExecSpec { Cmd = ["true"] }, Timeout));

        Assert.Equal($"container {id[..12]} is not running", error.Message);
    }
}
