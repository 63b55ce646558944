using System.Runtime.CompilerServices;
using Wharf.Runtime.Docker.Engine.Http;
using Wharf.Runtime.Docker.Engine.Streams;

namespace Wharf.Runtime.Docker.Engine.Containers;

internal sealed class DockerExec(DockerHttp http) : IDockerExec
{
    // The output stream can close a moment before the engine records the exit code.
    private static readonly TimeSpan _exitCodeWait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan _exitCodePoll = TimeSpan.FromMilliseconds(50);

    public async Task<string> CreateAsync(string containerId, ExecSpec spec, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var body = DockerJson.Content(ExecCreateBody.From(spec), DockerJsonContext.Default.ExecCreateBody);
        var created = await http.ReadJsonAsync(
            DockerRequest.Post($"containers/{containerId}/exec", content: body), DockerJsonContext.Default.IdResponse, ct);
        return created.Id;
    }

    public async IAsyncEnumerable<LogLine> StartAsync(string execId, bool tty = false, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var body = DockerJson.Content(new ExecStartBody { Detach = false, Tty = tty }, DockerJsonContext.Default.ExecStartBody);
        // Without an Upgrade header the engine answers 200 and streams the output until the command exits.
        using var response = await http.OpenStreamAsync(DockerRequest.Post($"exec/{execId}/start", content: body), ct);
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        await foreach (var line in OutputReader.ReadLinesAsync(stream, multiplexed: !tty, timestamps: false, ct))
        {
            yield return line;
        }
    }

    public async Task<ExecAttachment> AttachAsync(string execId, CancellationToken ct = default)
    {
        var body = DockerJson.Content(new ExecStartBody { Detach = false, Tty = false }, DockerJsonContext.Default.ExecStartBody);
        var stream = await http.HijackAsync(DockerRequest.Post($"exec/{execId}/start", content: body), ct);
        return new ExecAttachment(execId, stream);
    }

    public Task<ExecInspect?> InspectAsync(string execId, CancellationToken ct = default) =>
        http.ReadJsonOrNullAsync(DockerRequest.Get($"exec/{execId}/json"), DockerJsonContext.Default.ExecInspect, ct);

    public async Task<ExecResult> RunAsync(string containerId, ExecSpec spec, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var execId = await CreateAsync(containerId, spec, ct);
        var output = new List<LogLine>();
        await foreach (var line in StartAsync(execId, spec.Tty, ct))
        {
            if (line.Source == LogSource.System)
            {
                throw new DockerEngineException($"running {string.Join(' ', spec.Cmd)} in container {containerId} failed: {line.Text}");
            }

            output.Add(line);
        }

        return new ExecResult(await WaitForExitCodeAsync(execId, ct), output);
    }

    private async Task<int> WaitForExitCodeAsync(string execId, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + _exitCodeWait;
        while (true)
        {
            var exec = await InspectAsync(execId, ct)
                ?? throw new DockerEngineException($"exec {execId} disappeared before its exit code could be read: was its container removed?");
            if (!exec.Running && exec.ExitCode is { } code)
            {
                return code;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new DockerEngineException($"exec {execId} closed its output but the engine did not report an exit code within {_exitCodeWait.TotalSeconds:0} s.");
            }

            await Task.Delay(_exitCodePoll, ct);
        }
    }
}
