using System.Net.Http.Json;
using System.Text.Json;
using Wharf.Core.Api;
using Wharf.Core.Auth;
using Wharf.Core.Builds;
using Wharf.Core.Releases;
using Wharf.Core.Runtime;
using Wharf.Core.State;
using Wharf.Server.Tests.Infrastructure;

namespace Wharf.Server.Tests.Processes;

/// <summary>A real server plus the calls process tests make: deploy the worker image without the deploy endpoint, list, wait.</summary>
public sealed class ProcessServer(WharfServerFactory factory) : IAsyncDisposable
{
    private static readonly Actor _tester = new("process-tests", Role.Admin);
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    public WharfServerFactory Factory { get; } = factory;

    public HttpClient Admin { get; } = factory.AdminClient();

    public IProcessRuntime Runtime => Factory.Services.GetRequiredService<IProcessRuntime>();

    /// <summary>Makes the app (unless it exists), build 1 with <paramref name="image"/> for "worker", and release 1 from examples/worker's wharf.yml, made current.</summary>
    public async Task DeployAsync(string app, string image)
    {
        await Admin.CreateAppAsync(app);
        var manifest = await File.ReadAllTextAsync(Path.Combine(WorkerImage.Directory(), "wharf.yml"));
        var state = Factory.Services.GetRequiredService<IStateStore>();
        var now = DateTimeOffset.UtcNow;
        Assert.True(await state.Builds.TryInsertAsync(new Build(app, 1, BuildStatus.Succeeded, new Dictionary<string, string> { ["worker"] = image }, manifest, null, now, now)));
        var release = await Factory.Services.GetRequiredService<ReleaseService>().CreateAsync(_tester, app, new ReleaseDraft(1, null, manifest, "Deploy build 1"));

        // Made current directly, as a finished rollout leaves it: from here on the reconciler keeps it running.
        await state.Apps.SetCurrentReleaseAsync(app, release.Version);
    }

    public async Task<List<ProcessInfo>> ProcessesAsync(string app) =>
        await HttpAssert.OkAsync<List<ProcessInfo>>(await Admin.GetAsync($"/v1/apps/{app}/processes"));

    /// <summary>
    /// A running process of the formation. The worker example's timer fires every minute, so a test that crosses a
    /// minute also sees a timer process: counting every running process would make such a test flaky.
    /// </summary>
    public static bool IsRunningService(ProcessInfo process) => process.State == "running" && process.Kind == "service";

    public async Task<List<ProcessInfo>> RunningAsync(string app, string kind = "service") =>
        [.. (await ProcessesAsync(app)).Where(p => p.State == "running" && p.Kind == kind)];

    /// <summary>Polls `ps` until <paramref name="done"/> holds; fails with the last listing after <paramref name="seconds"/>.</summary>
    public async Task<List<ProcessInfo>> WaitAsync(string app, Func<List<ProcessInfo>, bool> done, int seconds = 30)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var processes = await ProcessesAsync(app);
            if (done(processes))
            {
                return processes;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"Still waiting after {seconds} s; processes: {JsonSerializer.Serialize(processes, _json)}");
            await Task.Delay(250);
        }
    }

    /// <summary>Posts and reads the NDJSON answer to its end.</summary>
    public async Task<List<ProcessStreamEvent>> StreamAsync(string path, object body)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        using var response = await Admin.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(cts.Token));
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token));
        var events = new List<ProcessStreamEvent>();
        while (await reader.ReadLineAsync(cts.Token) is { } line)
        {
            events.Add(JsonSerializer.Deserialize<ProcessStreamEvent>(line, _json)!);
        }

        return events;
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Factory.DisposeAsync();
    }
}
