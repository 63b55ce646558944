using Microsoft.Extensions.Logging.Abstractions;
using Wharf.Core.Errors;
using Wharf.Core.Logs;
using Wharf.Core.Runtime;
using Wharf.Runtime.Docker.Runtime;
using Wharf.Runtime.Docker.Tests.TestSupport;

namespace Wharf.Runtime.Docker.Tests.Runtime;

/// <summary>The log collector's reader against the real engine: resuming at any line gets exactly the lines after it.</summary>
[Trait("Category", TestCategories.Docker)]
[Collection(RuntimeTestGroup.Name)]
public sealed class ProcessLogReaderTests(RuntimeFixture fixture) : RuntimeTest(fixture)
{
    // stdout and stderr at once (the engine stamps them out of file order), and a 40 KB line the engine stores in pieces.
    private const string Chatty =
        "for i in $(seq 1 150); do echo \"out $i\"; echo \"err $i\" >&2; done; head -c 40000 /dev/zero | tr '\\0' x; echo; echo last";

    private readonly DockerProcessLogReader _reader = new(fixture.Client);

    [Fact]
    public async Task ReadAsync_FromPositionsAlongTheLog_GetsExactlyTheLinesAfterEach()
    {
        var process = await Runtime.StartAsync(Spec("worker", "sh", "-c", Chatty), Timeout);
        await Runtime.WaitAsync(process.Id, Timeout);

        var all = await _reader.ReadAsync(process.Id, null, follow: false, Timeout).ToListAsync(Timeout);

        Assert.Equal(302, all.Count);
        Assert.Equal(150, all.Count(l => l.Stream == OutputChannel.Stderr));
        Assert.Contains(all, l => l.Text == new string('x', 40_000));
        Assert.Equal("last", all[^1].Text);
        foreach (var i in new[] { 0, 1, 57, 150, 233, 299, 300 })
        {
            var position = all.Take(i + 1).Last(l => l.Position is not null).Position;
            var from = all.FindIndex(l => l.Position == position);

            var rest = await _reader.ReadAsync(process.Id, position, follow: false, Timeout).ToListAsync(Timeout);

            Assert.Equal(all.Skip(from + 1).Select(l => (l.Stream, l.Text)), rest.Select(l => (l.Stream, l.Text)));
        }
    }

    [Fact]
    public async Task ReadAsync_Follow_DeliversLinesAsTheyComeAndEndsWhenTheProcessExits()
    {
        var process = await Runtime.StartAsync(Spec("worker", "sh", "-c", "echo first; sleep 1; echo second"), Timeout);

        var lines = await _reader.ReadAsync(process.Id, null, follow: true, Timeout).ToListAsync(Timeout);

        Assert.Equal(["first", "second"], lines.Select(l => l.Text));
        Assert.True(lines[1].Time - lines[0].Time >= TimeSpan.FromSeconds(0.9), "the lines carry the engine's times");
    }

    [Fact]
    public async Task ListAsync_StartedProcess_IsListedWithItsIdentity()
    {
        var process = await Runtime.StartAsync(Spec("worker", "sleep", "30"), Timeout);

        var listed = (await _reader.ListAsync(Timeout)).Single(p => p.Id == process.Id);

        Assert.Equal(new LoggedProcess(process.Id, App, "worker", 1, Running: true), listed);
        Assert.Equal(listed, await _reader.GetAsync(process.Id, Timeout));
    }

    [Fact]
    public async Task ReadAsync_RemovedProcess_ThrowsNotFound()
    {
        var process = await Runtime.StartAsync(Spec("worker", "true"), Timeout);
        await Runtime.WaitAsync(process.Id, Timeout);
        await Runtime.RemoveAsync(process.Id, Timeout);

        await Assert.ThrowsAsync<NotFoundException>(() => _reader.ReadAsync(process.Id, null, follow: false, Timeout).ToListAsync(Timeout).AsTask());
        Assert.Null(await _reader.GetAsync(process.Id, Timeout));
    }

    [Fact]
    public async Task StopAsync_WithCollector_DrainsWhileTheProcessStillExistsThenRemovesIt()
    {
        var collector = new RecordingCollector(_reader);
        using var runtime = new DockerProcessRuntime(Fixture.Client, NullLogger<DockerProcessRuntime>.Instance, collector);
        var process = await runtime.StartAsync(Spec("worker", "sh", "-c", "echo bye; sleep 30"), Timeout);

        await runtime.StopAsync(process.Id, TimeSpan.Zero, Timeout);

        Assert.Equal(process.Id, Assert.Single(collector.Started).Id);
        Assert.Equal([(process.Id, true, "bye")], collector.Drained);
        Assert.Null(await runtime.GetAsync(process.Id, Timeout));
    }

    [Fact]
    public async Task RemoveAppAsync_WithCollector_DoesNotDrain()
    {
        var collector = new RecordingCollector(_reader);
        using var runtime = new DockerProcessRuntime(Fixture.Client, NullLogger<DockerProcessRuntime>.Instance, collector);
        await runtime.StartAsync(Spec("worker", "sleep", "30"), Timeout);

        await runtime.RemoveAppAsync(App, Timeout);

        Assert.Empty(collector.Drained);
    }

    /// <summary>Records the runtime's calls; at a drain, checks the process can still be read.</summary>
    private sealed class RecordingCollector(DockerProcessLogReader reader) : IProcessLogCollector
    {
        public List<LoggedProcess> Started { get; } = [];

        public List<(string Id, bool Readable, string? LastLine)> Drained { get; } = [];

        void IProcessLogCollector.Started(LoggedProcess process) => Started.Add(process);

        public async Task DrainAsync(string processId, CancellationToken ct = default)
        {
            var lines = await reader.ReadAsync(processId, null, follow: false, ct).ToListAsync(ct);
            Drained.Add((processId, await reader.GetAsync(processId, ct) is not null, lines.LastOrDefault()?.Text));
        }
    }
}
