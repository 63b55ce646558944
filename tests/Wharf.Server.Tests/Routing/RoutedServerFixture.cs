using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Wharf.Core.Api;
using Wharf.Core.Routing;
using Wharf.Router;
using Wharf.Router.Control;
using Wharf.Server.Tests.Deployments;

namespace Wharf.Server.Tests.Routing;

/// <summary>
/// One real server process with its router for the zero-downtime tests, over the real Docker engine. Deploys
/// examples/hello (its answer names the release that served it). Every app it made is deleted at the end.
/// </summary>
public sealed class RoutedServerFixture : IAsyncLifetime
{
    private readonly List<string> _apps = [];

    public RoutedServerProcess Server { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists("/var/run/docker.sock"))
        {
            throw new InvalidOperationException("No Docker engine at /var/run/docker.sock: run scripts/test (it starts dockerd).");
        }

        // A short rollout deadline keeps the failing-health test quick; the hello app is ready well within it.
        Server = await RoutedServerProcess.StartAsync(new Dictionary<string, string> { ["Deployments__RolloutTimeout"] = "00:00:10" });
        Admin = Server.Admin();
    }

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            try
            {
                await Admin.DeleteAsync($"/v1/apps/{app}");
            }
            catch (HttpRequestException)
            {
                // The server may be down after a failed test; the stale-app clean-up of the next run removes it.
            }
        }

        Admin.Dispose();
        await Server.DisposeAsync();
    }

    public RouterControlClient RouterControl() =>
        new(new RouterOptions { DataDirectory = Server.DataDirectory }.ControlSocketPath);

    public async Task<string> CreateAppAsync()
    {
        var app = "zd" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        (await Admin.PostAsJsonAsync("/v1/apps", new CreateAppRequest(app))).EnsureSuccessStatusCode();
        _apps.Add(app);
        return app;
    }

    /// <summary>The host the router serves the app's web service on.</summary>
    public static string Host(string app) => $"web.{app}.localhost";

    /// <summary>examples/hello with app.py changed by <paramref name="change"/>.</summary>
    public static byte[] Hello(Func<string, string>? change = null)
    {
        var directory = SourceTar.Example("hello");
        var app = File.ReadAllText(Path.Combine(directory, "app.py"));
        return SourceTar.Pack(directory, new Dictionary<string, string> { ["app.py"] = change is null ? app : change(app) });
    }

    /// <summary>Deploys and follows the deployment to its end.</summary>
    public async Task<DeploymentInfo> DeployAsync(string app, byte[] tar)
    {
        using var content = new ByteArrayContent(tar);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        using var started = await Admin.PostAsync($"/v1/apps/{app}/deployments", content);
        started.EnsureSuccessStatusCode();
        var deployment = (await started.Content.ReadFromJsonAsync<DeploymentInfo>())!;
        using (var log = await Admin.GetAsync($"/v1/apps/{app}/deployments/{deployment.Id}/log?follow=true", HttpCompletionOption.ResponseHeadersRead))
        {
            log.EnsureSuccessStatusCode();
            await (await log.Content.ReadAsStreamAsync()).CopyToAsync(Stream.Null);
        }

        return (await Admin.GetFromJsonAsync<DeploymentInfo>($"/v1/apps/{app}/deployments/{deployment.Id}"))!;
    }

    public async Task<DeploymentInfo> DeploySucceededAsync(string app, byte[] tar)
    {
        var deployment = await DeployAsync(app, tar);
        Assert.True(deployment.Status == "succeeded", $"Deployment {deployment.Id} of {app} {deployment.Status}: {deployment.Error}\n{Server.Tail()}");
        return deployment;
    }

    /// <summary>Waits until the router serves the app with <paramref name="backends"/> healthy backends.</summary>
    public async Task WaitRoutedAsync(string app, int backends = 1)
    {
        using var control = RouterControl();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        RouterStatus? status = null;
        while (DateTime.UtcNow < deadline)
        {
            status = await control.StatusAsync();
            if (status.Backends.Count(b => b.App == app && b.Healthy) >= backends && await AnswersAsync(app))
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"The router did not serve {app} with {backends} healthy backends within 60 s; its backends: "
            + string.Join("; ", status?.Backends.Select(b => $"{b.App}/{b.Service} {b.ProcessId} {b.Address} healthy={b.Healthy} {b.Reason}") ?? []));
    }

    public static async Task DockerKillAsync(string container)
    {
        using var kill = Process.Start(new ProcessStartInfo("docker", ["kill", container]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        await kill.WaitForExitAsync();
        Assert.True(kill.ExitCode == 0, $"docker kill {container}: {await kill.StandardError.ReadToEndAsync()}");
    }

    private async Task<bool> AnswersAsync(string app)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var request = new HttpRequestMessage(HttpMethod.Get, Server.RouterUrl);
        request.Headers.Host = Host(app);
        try
        {
            using var response = await http.SendAsync(request);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
