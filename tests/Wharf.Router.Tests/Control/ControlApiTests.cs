using System.Net;
using System.Runtime.Versioning;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Wharf.Core.Routing;
using Wharf.Router.Control;
using Wharf.Router.Routing;
using Wharf.Router.Tests.Health;
using Wharf.Router.Tests.Routing;
using Wharf.Router.Tests.Support;

namespace Wharf.Router.Tests.Control;

/// <summary>The control API end to end: RouterControlClient over a real unix socket to the endpoints in a real host.</summary>
[SupportedOSPlatform("linux")]
public sealed class ControlApiTests : IAsyncLifetime
{
    private TempDirectory Data { get; } = new();

    private ControlTestHost Host { get; set; } = null!;

    private ScriptedBackend Backend { get; set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await ControlTestHost.StartAsync(Data.Path);
        Backend = await ScriptedBackend.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Backend.DisposeAsync();
        Data.Dispose();
    }

    private static RouteTable Table(params RouteBackend[] backends) =>
        TestRoutes.Table(TestRoutes.Route("web", "hello", ["web.hello.localhost", "*.hello.test"], backends) with
        {
            Health = new RouteHealth { Path = "/health", Interval = TimeSpan.FromMilliseconds(200) },
        });

    [Fact]
    public async Task ApplyAsync_Table_StatusShowsEveryBackendWithItsHealth()
    {
        var down = Support.ClosedPort.Address();

        await Host.Client.ApplyAsync(Table(
            TestRoutes.Backend("up", ready: true, address: Backend.Address),
            TestRoutes.Backend("down", ready: false, address: down)));

        await Eventually.TrueAsync(
            async () => (await Host.Client.StatusAsync()).Backends.Any(b => b.Reason == "connection refused"),
            "the router's check of the backend that is down");
        var status = await Host.Client.StatusAsync();
        Assert.Equal(Environment.ProcessId, status.ProcessId);
        Assert.Equal(["http://127.0.0.1:18080"], status.Listening);
        Assert.Equal(1, status.Routes);
        Assert.Equal(
            [
                new BackendStatus("hello", "web", "up", Backend.Address, true, null, 0),
                new BackendStatus("hello", "web", "down", down, false, "connection refused", 0),
            ],
            status.Backends.OrderBy(b => b.ProcessId == "down"));
    }

    [Fact]
    public async Task ApplyAsync_Table_RoutedAtOnceAndSavedOwnerOnly()
    {
        var table = Table(TestRoutes.Backend("up", address: Backend.Address));

        await Host.Client.ApplyAsync(table);

        var resolver = Host.Services.GetRequiredService<IRouteResolver>();
        Assert.Equal("up", resolver.Resolve("x.hello.test")!.Pick([])!.ProcessId);
        Assert.Equivalent(table, await Host.Client.TableAsync(), strict: true);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Host.Options.TablePath));
    }

    [Fact]
    public async Task ApplyAsync_RouterRestarts_ServesTheSavedTableAtOnce()
    {
        await Host.Client.ApplyAsync(Table(TestRoutes.Backend("up", ready: false, address: Backend.Address)));
        await Host.DisposeAsync();

        Host = await ControlTestHost.StartAsync(Data.Path);

        var resolver = Host.Services.GetRequiredService<IRouteResolver>();
        Assert.Equal("up", resolver.Resolve("web.hello.localhost")!.Pick([])!.ProcessId);
        Assert.Equal(1, (await Host.Client.StatusAsync()).Routes);
    }

    [Fact]
    public async Task ApplyAsync_InvalidTable_ThrowsTheRoutersSentenceAndKeepsTheOldTable()
    {
        await Host.Client.ApplyAsync(Table(TestRoutes.Backend("up", address: Backend.Address)));

        var e = await Assert.ThrowsAsync<RouterControlException>(() =>
            Host.Client.ApplyAsync(Table(TestRoutes.Backend("bad", address: "nowhere"))));

        Assert.Equal(
            "The router refused PUT /table (400): Backend bad of route web.hello has address 'nowhere': use IP:PORT, e.g. 172.18.0.3:5000.",
            e.Message);
        Assert.Equal("up", Assert.Single((await Host.Client.StatusAsync()).Backends).ProcessId);
    }

    [Theory]
    [InlineData("table", "{\"routes\": [")]
    [InlineData("table", "{\"routes\": [{\"app\": \"hello\"}]}")]
    [InlineData("table", "{\"routes\": [{\"app\": \"hello\", \"service\": \"web\", \"release\": 1, \"hosts\": null}]}")]
    [InlineData("table", "")]
    [InlineData("drain", "{\"addresses\": \"10.0.0.1:80\", \"timeoutMs\": 10}")]
    [InlineData("certificates", "{}")]
    public async Task Put_BadJson_400ProblemDetails(string path, string body)
    {
        using var raw = Host.RawClient();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = path == "drain" ? await raw.PostAsync(path, content) : await raw.PutAsync(path, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"detail\":\"The request body is not valid JSON for ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutCertificates_BadJson_NeverEchoesTheBody()
    {
        using var raw = Host.RawClient();
        using var content = new StringContent(
            "[{\"hosts\": [\"a.test\"], \"certificatePem\": \"-----BEGIN CERTIFICATE-----\", \"privateKeyPem\": [\"SECRET-KEY-MATERIAL\"]}]",
            Encoding.UTF8,
            "application/json");

        using var response = await raw.PutAsync("certificates", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Contains("(at $[0].privateKeyPem): check the field names and types.", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetCertificatesAsync_List_Accepted()
    {
        await Host.Client.SetCertificatesAsync([Support.TestCertificates.Create("*.hello.test").Imported]);
        await Host.Client.SetCertificatesAsync([]);
    }

    [Fact]
    public async Task DrainAsync_UnknownAddress_DrainedAtOnce()
    {
        Assert.True(await Host.Client.DrainAsync(["10.9.9.9:80"], TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task DrainAsync_RequestInFlightToARemovedBackend_WaitsForIt()
    {
        await Host.Client.ApplyAsync(Table(TestRoutes.Backend("old", address: "10.0.0.1:5000")));
        var request = Host.Services.GetRequiredService<IRouteResolver>().Resolve("web.hello.localhost")!.Pick([])!;
        request.Enter();
        await Host.Client.ApplyAsync(Table(TestRoutes.Backend("new", ready: true, address: Backend.Address)));

        Assert.False(await Host.Client.DrainAsync(["10.0.0.1:5000"], TimeSpan.FromMilliseconds(300)));
        var draining = (await Host.Client.StatusAsync()).Backends.Single(b => b.ProcessId == "old");
        Assert.Equal(1, draining.InFlight);
        Assert.Equal("no longer in the table: draining", draining.Reason);

        var drain = Host.Client.DrainAsync(["10.0.0.1:5000"], TimeSpan.FromSeconds(30));
        await Task.Delay(200);
        Assert.False(drain.IsCompleted);
        request.Leave();

        Assert.True(await drain.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task PostDrain_Raw_AnswersCamelCaseJson()
    {
        using var raw = Host.RawClient();
        using var content = new StringContent("{\"addresses\": [\"10.9.9.9:80\"], \"timeoutMs\": 1000}", Encoding.UTF8, "application/json");

        using var response = await raw.PostAsync("drain", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"drained\":true,\"inFlight\":0}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PostDrain_NegativeTimeout_400()
    {
        using var raw = Host.RawClient();
        using var content = new StringContent("{\"addresses\": [], \"timeoutMs\": -1}", Encoding.UTF8, "application/json");

        using var response = await raw.PostAsync("drain", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("timeoutMs -1 is out of range", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
