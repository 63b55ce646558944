using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Wharf.Core.Api;
using Wharf.Router.Control;
using Wharf.Server.Routing;
using Wharf.Server.Tests.Infrastructure;

namespace Wharf.Server.Tests.Routing;

/// <summary>
/// The server as users run it, starting the real router from its own entry point (`Wharf.Server.dll router ...`)
/// on free ports in a fresh data directory. Every router a test starts is stopped by its pid at the end.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RouterProcessTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "wharf-tests-" + Guid.NewGuid().ToString("N"));
    private readonly string _api = $"http://127.0.0.1:{ServerProcess.FreePort()}";
    private readonly string _router = $"http://127.0.0.1:{ServerProcess.FreePort()}";

    private string PidPath => Path.Combine(_data, "router", "router.pid");

    [Fact]
    public async Task Server_StartRouter_RouterRunsDetachedServesAndOutlivesTheServer()
    {
        int routerPid;
        using (var server = ServerProcess.Start("--data", _data, "--api", _api, "--router", _router))
        {
            await server.WaitHealthyAsync(_api);
            routerPid = int.Parse(File.ReadAllText(PidPath).Trim(), CultureInfo.InvariantCulture);

            Assert.Equal(routerPid, Session(routerPid));
            Assert.NotEqual(Session(server.Id), Session(routerPid));
            using var control = new RouterControlClient(Path.Combine(_data, "router", "control.sock"));
            var status = await control.StatusAsync();
            Assert.Equal(routerPid, status.ProcessId);
            Assert.Contains(status.Listening, url => url.TrimEnd('/') == _router);
            Assert.Equal(HttpStatusCode.NotFound, (await GetThroughRouterAsync("nothing-here.localhost")).StatusCode);
            Assert.Contains($"Router started (pid {routerPid})", server.Output, StringComparison.Ordinal);

            await server.StopAsync();
        }

        Assert.True(RouterPidFile.IsRouterProcess(routerPid), "The router stopped with the server.");
        Assert.Equal(HttpStatusCode.NotFound, (await GetThroughRouterAsync("nothing-here.localhost")).StatusCode);

        using var again = ServerProcess.Start("--data", _data, "--api", _api, "--router", _router);
        await again.WaitHealthyAsync(_api);
        Assert.Contains($"Router already running (pid {routerPid})", again.Output, StringComparison.Ordinal);
        Assert.Equal(routerPid.ToString(CultureInfo.InvariantCulture), File.ReadAllText(PidPath).Trim());
    }

    [Fact]
    public async Task Server_RouterPortTaken_FailsWithTheRoutersOwnSentence()
    {
        using var blocker = new TcpListener(IPAddress.Loopback, new Uri(_router).Port);
        blocker.Start();
        using var server = ServerProcess.Start("--data", _data, "--api", _api, "--router", _router);

        var code = await server.WaitForExitAsync(TimeSpan.FromSeconds(90));

        Assert.Equal(1, code);
        Assert.Contains("wharf server cannot start: The router did not start (it exited with code 1)", server.Output, StringComparison.Ordinal);
        Assert.Contains("address already in use", server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_RouterHttps_ServesTheImportedCertificateForItsHostAndSelfSignedOnesForOthers()
    {
        var https = $"https://127.0.0.1:{ServerProcess.FreePort()}";
        using var server = ServerProcess.Start("--data", _data, "--api", _api, "--router", _router, "--router-https", https);
        await server.WaitHealthyAsync(_api);
        using var admin = new HttpClient { BaseAddress = new Uri(_api) };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", File.ReadAllText(Path.Combine(_data, "admin.token")).Trim());
        var pem = TestCertificates.Ecdsa(["secure.wharf.test"]);

        var imported = await HttpAssert.OkAsync<CertificateInfo>(
            await admin.PostAsJsonAsync("/v1/certificates", new ImportCertificateRequest(pem.CertificatePem, pem.PrivateKeyPem)),
            HttpStatusCode.Created);

        using var served = await ServedCertificateAsync(new Uri(https).Port, "secure.wharf.test");
        Assert.Equal(imported.Thumbprint, served.GetCertHashString(HashAlgorithmName.SHA256).ToLowerInvariant());
        using var other = await ServedCertificateAsync(new Uri(https).Port, "web.hello.localhost");
        Assert.NotEqual(imported.Thumbprint, other.GetCertHashString(HashAlgorithmName.SHA256).ToLowerInvariant());
        Assert.Equal(other.Subject, other.Issuer);
    }

    public void Dispose()
    {
        if (RouterPidFile.ReadAlive(PidPath) is { } pid)
        {
            using var router = Process.GetProcessById(pid);
            router.Kill();
            router.WaitForExit(10_000);
        }

        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private static int Session(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[3], CultureInfo.InvariantCulture);
    }

    private async Task<HttpResponseMessage> GetThroughRouterAsync(string host)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_router + "/"));
        request.Headers.Host = host;
        return await http.SendAsync(request);
    }

    private static async Task<X509Certificate2> ServedCertificateAsync(int port, string host)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        // Any certificate is taken here: the test looks at which one the router chose, self-signed or not.
        await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, (_, certificate, _, _) => certificate is not null);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = host });
        return new X509Certificate2(tls.RemoteCertificate!);
    }
}
