using Wharf.Cli.Client;
using Wharf.Cli.Context;
using Wharf.Cli.Output;
using Wharf.Core.Api;

namespace Wharf.Cli.Deploy;

/// <summary>
/// `wharf deploy`: checks wharf.yml here, packs the directory, uploads it, then follows the deployment's log
/// until the new release runs (or the deployment fails).
/// </summary>
internal sealed class Deployer(CliContext context)
{
    public async Task<int> DeployAsync(string directory, string app, bool detach, CancellationToken ct)
    {
        if (!Directory.Exists(directory))
        {
            throw new CliException($"'{Display(directory)}' is not a directory: give the app's directory, the one holding wharf.yml.");
        }

        // The first request pays for warming up the HTTP stack (~0.1 s in a fresh process): it runs on another core
        // while wharf.yml is checked and the directory packed. Its errors (no login, no such app) still come second.
        var connecting = Task.Run(() => ConnectAsync(app, ct), ct);
        var check = ManifestPrecheck.Run(directory, context.Environment.Variables);
        foreach (var warning in check.Warnings)
        {
            var name = warning.Message.Split('\'')[1];
            context.WriteErrorLine(
                $"warning: {Display(warning.File)}:{warning.Line}:{warning.Column}: ${{{name}}} is not set here; "
                + $"the server fills it in from {app}'s config (`wharf env set -a {app} {name}=...`).");
        }

        if (check.Errors.Count > 0)
        {
            foreach (var error in check.Errors)
            {
                context.WriteErrorLine(Located(error));
            }

            context.WriteErrorLine($"Nothing was deployed: fix {Display(Path.Combine(directory, check.FileName))} and run `wharf deploy` again.");
            _ = connecting.ContinueWith(ForgetConnection, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            return ExitCodes.Error;
        }

        var ignore = DockerIgnore.Load(directory, AlwaysSent.For(check.FileName, check.Manifest));
        using var packed = ContextPacker.PackToFile(directory, ignore, ct);

        // The connection usually takes longer to warm up than packing: meanwhile this core makes the metadata the
        // upload's answer is read with, rather than after it arrives.
        ApiJson.Info<DeploymentInfo>();
        using var client = await connecting;
        var shown = Display(directory) is "." ? directory : Display(directory);
        context.WriteLine($"Packed {shown}: {packed.Files} files, {Formats.Bytes(packed.Length)}, {packed.Digest[..19]}");

        DeploymentInfo deployment;
        try
        {
            deployment = await new ContextUpload(context, client).SendAsync(app, packed, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            context.WriteErrorLine("Upload stopped; nothing was deployed.");
            return ExitCodes.Interrupted;
        }

        // Likewise for the app's URLs, printed at the end, while the server starts the release.
        ApiJson.Info<AppInfo>();
        return await new DeploymentWatch(context, client).WatchAsync(deployment, detach, ct);
    }

    /// <summary>The connection was made for nothing (wharf.yml had errors): close it, and observe its failure, if any.</summary>
    private static void ForgetConnection(Task<WharfClient> connecting)
    {
        if (connecting.IsCompletedSuccessfully)
        {
            connecting.Result.Dispose();
        }
        else
        {
            _ = connecting.Exception;
        }
    }

    /// <summary>A client for the server, once it has answered that the app exists.</summary>
    private async Task<WharfClient> ConnectAsync(string app, CancellationToken ct)
    {
        var client = context.Connect();
        try
        {
            await client.RequireAppAsync(app, ct);
            return client;
        }
        catch (WharfApiException e) when (e.Status == 404)
        {
            client.Dispose();
            throw new CliException($"App '{app}' does not exist: run `wharf apps create {app}`.", ExitCodes.NotFound);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private string Located(Manifest.ManifestError error) => (error with { File = Display(error.File) }).ToString();

    private string Display(string path) => DisplayPath.Relative(context.Environment.CurrentDirectory, path);
}
