using System.Text;
using Wharf.Runtime.Docker.Engine;
using Wharf.Runtime.Docker.Engine.Containers;
using Wharf.Runtime.Docker.Engine.Streams;
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
    public async Task AttachAsync_BinaryInputThenEnd_CommandReadsEveryByteAndSeesEof()
    {
        var id = await docker.RunAsync(docker.Container("attach", "sleep", "300"), Timeout);
        var input = new byte[300_000];
        new Random(7).NextBytes(input);
        var execId = await docker.Client.Exec.CreateAsync(id, new ExecSpec { Cmd = ["sh", "-c", "cat; echo done >&2"], AttachStdin = true }, Timeout);

        var (stdout, stderr) = await RunAttachedAsync(execId, input);

        Assert.Equal(input, stdout);
        Assert.Equal("done\n", stderr);
        Assert.Equal(0, (await docker.Client.Exec.InspectAsync(execId, Timeout))!.ExitCode);
    }

    [Fact]
    public async Task AttachAsync_CommandExitsWithoutReadingInput_OutputAndExitCodeStillArrive()
    {
        var id = await docker.RunAsync(docker.Container("attach-early", "sleep", "300"), Timeout);
        var execId = await docker.Client.Exec.CreateAsync(id, new ExecSpec { Cmd = ["sh", "-c", "echo bye; exit 3"], AttachStdin = true }, Timeout);

        var (stdout, _) = await RunAttachedAsync(execId, input: []);

        Assert.Equal("bye\n", Encoding.UTF8.GetString(stdout));
        Assert.Equal(3, (await docker.Client.Exec.InspectAsync(execId, Timeout))!.ExitCode);
    }

    [Fact]
    public async Task AttachAsync_UnknownExec_ThrowsNotFound()
    {
        var error = await Assert.ThrowsAsync<DockerEngineException>(() => docker.Client.Exec.AttachAsync("0123456789abcdef", Timeout));

        Assert.True(error.IsNotFound, error.Message);
    }

    private async Task<(byte[] Stdout, string Stderr)> RunAttachedAsync(string execId, byte[] input)
    {
        var ct = Timeout;
        await using var attachment = await docker.Client.Exec.AttachAsync(execId, ct);
        var writer = Task.Run(async () =>
        {
            for (var offset = 0; offset < input.Length; offset += 8192)
            {
                await attachment.WriteInputAsync(input.AsMemory(offset, Math.Min(8192, input.Length - offset)), ct);
            }

            attachment.CloseInput();
        }, ct);
        using var stdout = new MemoryStream();
        using var stderr = new MemoryStream();
        await foreach (var chunk in attachment.ReadOutputAsync(ct))
        {
            await (chunk.Source == LogSource.StdErr ? stderr : stdout).WriteAsync(chunk.Bytes, ct);
        }

        await writer;
        return (stdout.ToArray(), Encoding.UTF8.GetString(stderr.ToArray()));
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
