using Spectre.Console;
using Wharf.Cli.Client;
using Wharf.Cli.Context;
using Wharf.Cli.Output;
using Wharf.Core.Api;

namespace Wharf.Cli.Deploy;

/// <summary>Sends a packed context to the server: with a progress bar on a terminal, one plain line otherwise.</summary>
internal sealed class ContextUpload(CliContext context, WharfClient client)
{
    private const string TarMediaType = "application/x-tar";

    public async Task<DeploymentInfo> SendAsync(string app, PackedContext packed, CancellationToken ct)
    {
        if (!context.OutIsLiveTerminal)
        {
            context.WriteLine($"Uploading {Formats.Bytes(packed.Length)}");
            using var plain = new UploadContent(packed.TarPath, TarMediaType, _ => { });
            return await client.CreateDeploymentAsync(app, plain, packed.Digest, ct);
        }

        return await context.Out.Progress()
            .AutoClear(false)
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new DownloadedColumn(),
                new TransferSpeedColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("Uploading", maxValue: Math.Max(packed.Length, 1));
                using var content = new UploadContent(packed.TarPath, TarMediaType, sent => task.Value = sent);
                var deployment = await client.CreateDeploymentAsync(app, content, packed.Digest, ct);
                task.Value = task.MaxValue;
                return deployment;
            });
    }
}
