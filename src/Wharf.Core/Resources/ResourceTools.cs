using System.Globalization;
using Microsoft.Extensions.Logging;
using Wharf.Core.Api;
using Wharf.Core.Audit;
using Wharf.Core.Auth;
using Wharf.Core.Errors;

namespace Wharf.Core.Resources;

/// <summary>
/// `resources console`, `export` and `import`: psql / redis-cli, pg_dump / RDB and pg_restore / RDB load, run inside
/// the resource's container (so inside the app's network) with stdin and stdout streamed, never held in memory whole.
/// Every use is audited: each reads or replaces the app's data.
/// </summary>
public sealed class ResourceTools(ResourceFinder finder, IResourceRuntime runtime, AuditLog audit, ILogger<ResourceTools> logger)
{
    // How much of a failing tool's stderr its error quotes.
    private const int ErrorLines = 10;

    /// <summary>Runs the resource's client with <paramref name="input"/> as its stdin; its output arrives as lines, then its exit code.</summary>
    public async Task ConsoleAsync(
        Actor actor, string app, string name, Stream input, Func<ProcessStreamEvent, CancellationToken, Task> write, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(write);
        var target = await finder.RunningAsync(app, name, ct);
        await audit.RecordAsync(actor, ResourceAuditActions.Console, app, $"resource {name}", ct);
        var stdout = new OutputLines((text, token) => write(ProcessStreamEvent.Output("stdout", text), token));
        var stderr = new OutputLines((text, token) => write(ProcessStreamEvent.Output("stderr", text), token));
        var exec = new ResourceExec(target.Kind.Console(target.Credentials)) { Input = input, Stdout = stdout.WriteAsync, Stderr = stderr.WriteAsync };
        var code = await runtime.ExecAsync(target.Instance, exec, ct);
        await stdout.FlushAsync(ct);
        await stderr.FlushAsync(ct);
        ResourceLog.CommandEnded(logger, "console", app, name, actor.Name, code);
        await write(ProcessStreamEvent.Exit(code), ct);
    }

    /// <summary>
    /// Streams a dump to the stream <paramref name="open"/> returns, called once before the first byte. A failure
    /// before any byte is a <see cref="ConflictException"/>; after, a <see cref="ResourceCommandFailedException"/>.
    /// </summary>
    /// <returns>The dump's size in bytes.</returns>
    public async Task<long> ExportAsync(
        Actor actor, string app, string name, Func<ResourceExportStart, CancellationToken, ValueTask<Stream>> open, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(open);
        var target = await finder.RunningAsync(app, name, ct);
        await audit.RecordAsync(actor, ResourceAuditActions.Export, app, $"resource {name}", ct);
        var start = new ResourceExportStart($"{app}-{name}{target.Kind.ExportExtension}", target.Kind.Name);
        Stream? output = null;
        long bytes = 0;
        var errors = new TailLines(ErrorLines);
        var exec = new ResourceExec(target.Kind.Export(target.Credentials))
        {
            Stdout = async (chunk, token) =>
            {
                output ??= await open(start, token);
                await output.WriteAsync(chunk, token);
                bytes += chunk.Length;
            },
            Stderr = errors.WriteAsync,
        };
        var code = await runtime.ExecAsync(target.Instance, exec, ct);
        ResourceLog.CommandEnded(logger, "export", app, name, actor.Name, code);
        if (code != 0)
        {
            var sentence = $"Exporting resource {name} of app '{app}' failed (exit code {code.ToString(CultureInfo.InvariantCulture)}){errors.AsSuffix()}";
            throw output is null ? new ConflictException(sentence) : new ResourceCommandFailedException(sentence);
        }

        output ??= await open(start, ct);
        await output.FlushAsync(ct);
        return bytes;
    }

    /// <summary>Replaces the resource's data with the dump read from <paramref name="input"/> (made by <see cref="ExportAsync"/>).</summary>
    public async Task<ResourceImportResult> ImportAsync(Actor actor, string app, string name, Stream input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var target = await finder.RunningAsync(app, name, ct);
        await audit.RecordAsync(actor, ResourceAuditActions.Import, app, $"resource {name}", ct);
        var counted = new CountingStream(input);
        var output = new TailLines(ErrorLines * 5);
        var errors = new TailLines(ErrorLines);
        var exec = new ResourceExec(target.Kind.Import(target.Credentials)) { Input = counted, Stdout = output.WriteAsync, Stderr = errors.WriteAsync };
        var code = await runtime.ExecAsync(target.Instance, exec, ct);
        ResourceLog.CommandEnded(logger, "import", app, name, actor.Name, code);
        if (code != 0)
        {
            throw new ConflictException(
                $"Importing into resource {name} of app '{app}' failed (exit code {code.ToString(CultureInfo.InvariantCulture)}, " +
                $"{counted.BytesRead.ToString(CultureInfo.InvariantCulture)} bytes read){errors.AsSuffix()}");
        }

        return new ResourceImportResult(name, counted.BytesRead, [.. output.Lines, .. errors.Lines]);
    }
}
