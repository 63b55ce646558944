using System.Net;
using System.Net.Http.Json;
using Wharf.Core.Api;
using Wharf.Server.Tests.Infrastructure;
using Wharf.Server.Tests.Routing;

namespace Wharf.Server.Tests.Certificates;

public sealed class CertificateEndpointsTests : IDisposable
{
    private readonly RecordingRouterControl _router = new();
    private readonly WharfServerFactory _server;

    public CertificateEndpointsTests()
    {
        _server = new WharfServerFactory { ReplaceServices = services => services.AddSingleton<Core.Routing.IRouterControl>(_router) };
    }

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Import_ValidPem_Answers201WithHostsExpiryAndThumbprint()
    {
        using var admin = _server.AdminClient();
        var pem = TestCertificates.Ecdsa(["shop.example.com", "*.shop.example.com"]);

        var response = await admin.PostAsJsonAsync("/v1/certificates", new ImportCertificateRequest(pem.CertificatePem, pem.PrivateKeyPem));

        var info = await HttpAssert.OkAsync<CertificateInfo>(response, HttpStatusCode.Created);
        Assert.Equal(["shop.example.com", "*.shop.example.com"], info.Hosts);
        Assert.Matches("^[0-9a-f]{64}$", info.Thumbprint);
        Assert.InRange(info.NotAfter, DateTimeOffset.UtcNow.AddDays(89), DateTimeOffset.UtcNow.AddDays(91));
        Assert.Equal($"/v1/certificates/{info.Thumbprint}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task List_TwoImported_ShowsBothWithoutKeys()
    {
        using var admin = _server.AdminClient();
        var first = await ImportAsync(admin, TestCertificates.Rsa(["a.example.com"], days: 30));
        var second = await ImportAsync(admin, TestCertificates.Ecdsa(["b.example.com"], days: 60));

        var response = await admin.GetAsync("/v1/certificates");

        var list = await HttpAssert.OkAsync<List<CertificateInfo>>(response);
        Assert.Equal([first.Thumbprint, second.Thumbprint], list.Select(c => c.Thumbprint));
        Assert.DoesNotContain("PRIVATE KEY", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_GarbageCertificate_Answers400SayingItIsNotPem()
    {
        using var admin = _server.AdminClient();
        var pem = TestCertificates.Ecdsa(["x.example.com"]);

        var response = await admin.PostAsJsonAsync("/v1/certificates", new ImportCertificateRequest("not a certificate", pem.PrivateKeyPem));

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("certificatePem is not a PEM certificate", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("certificatePem", problem.Errors!.Keys);
    }

    [Fact]
    public async Task Import_GarbageKey_Answers400SayingItIsNotAKey()
    {
        using var admin = _server.AdminClient();
        var pem = TestCertificates.Rsa(["x.example.com"]);

        var response = await admin.PostAsJsonAsync("/v1/certificates", new ImportCertificateRequest(pem.CertificatePem, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"));

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("privateKeyPem is not an unencrypted PEM RSA private key", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_KeyOfAnotherCertificate_Answers400SayingItDoesNotMatch()
    {
        using var admin = _server.AdminClient();
        var certificate = TestCertificates.Ecdsa(["x.example.com"]);
        var other = TestCertificates.Ecdsa(["x.example.com"]);

        var response = await admin.PostAsJsonAsync("/v1/certificates", new ImportCertificateRequest(certificate.CertificatePem, other.PrivateKeyPem));

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("The private key does not match the certificate: send the key the certificate was issued for.", problem.Detail);
    }

    [Fact]
    public async Task Import_Expired_Answers400SayingWhenItExpired()
    {
        using var admin = _server.AdminClient();
        var pem = TestCertificates.Ecdsa(["old.example.com"], days: -2);

        var response = await admin.PostAsJsonAsync("/v1/certificates", new ImportCertificateRequest(pem.CertificatePem, pem.PrivateKeyPem));

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.StartsWith("The certificate expired on ", problem.Detail, StringComparison.Ordinal);
        Assert.EndsWith("import a renewed one.", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_Empty_Answers400NamingBothFields()
    {
        using var admin = _server.AdminClient();

        var response = await admin.PostAsJsonAsync("/v1/certificates", new ImportCertificateRequest("", null));

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["certificatePem", "privateKeyPem"], problem.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Import_Stored_NoFileInTheDataDirectoryHoldsTheKey()
    {
        using var admin = _server.AdminClient();
        var pem = TestCertificates.Rsa(["secret.example.com"]);

        var info = await ImportAsync(admin, pem);

        var files = Directory.EnumerateFiles(_server.DataDirectory, "*", SearchOption.AllDirectories).ToList();
        var stored = Assert.Single(files, f => f.EndsWith(info.Thumbprint, StringComparison.Ordinal));
        Assert.Contains("BEGIN CERTIFICATE", await File.ReadAllTextAsync(stored), StringComparison.Ordinal);
        var keyLines = TestCertificates.KeyBodyLines(pem.PrivateKeyPem).ToList();
        foreach (var (_, bytes) in DataFiles.Read(_server.DataDirectory))
        {
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            Assert.DoesNotContain("PRIVATE KEY", text, StringComparison.Ordinal);
            Assert.DoesNotContain(keyLines, line => text.Contains(line, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Delete_Imported_Answers204AndItIsGone()
    {
        using var admin = _server.AdminClient();
        var info = await ImportAsync(admin, TestCertificates.Ecdsa(["gone.example.com"]));

        var response = await admin.DeleteAsync($"/v1/certificates/{info.Thumbprint}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await HttpAssert.OkAsync<List<CertificateInfo>>(await admin.GetAsync("/v1/certificates")));
    }

    [Fact]
    public async Task Delete_Unknown_Answers404WithASentence()
    {
        using var admin = _server.AdminClient();

        var response = await admin.DeleteAsync($"/v1/certificates/{new string('a', 64)}");

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("run `wharf certs`", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Certificates_DeployToken_Answers403()
    {
        using var deploy = await _server.ClientForNewTokenAsync("deploy");

        var response = await deploy.GetAsync("/v1/certificates");

        await HttpAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ImportThenDelete_EachChange_HandsTheRouterTheWholeList()
    {
        using var admin = _server.AdminClient();
        var kept = TestCertificates.Ecdsa(["kept.example.com"]);
        await ImportAsync(admin, kept);
        var removed = await ImportAsync(admin, TestCertificates.Ecdsa(["removed.example.com"]));

        await admin.DeleteAsync($"/v1/certificates/{removed.Thumbprint}");

        var pushes = _router.CertificatePushes.ToList();
        Assert.Equal(
            [["kept.example.com"], ["kept.example.com", "removed.example.com"], ["kept.example.com"]],
            pushes.Skip(pushes.Count - 3).Select(list => list.SelectMany(c => c.Hosts).Order(StringComparer.Ordinal).ToList()));
        var last = Assert.Single(pushes[^1]);
        Assert.Equal(kept.PrivateKeyPem.Trim(), last.PrivateKeyPem.Trim());
    }

    [Fact]
    public async Task ImportAndDelete_Audited_WithHostsButNoKeyMaterial()
    {
        using var admin = _server.AdminClient();
        var pem = TestCertificates.Ecdsa(["audited.example.com"]);
        var info = await ImportAsync(admin, pem);
        await admin.DeleteAsync($"/v1/certificates/{info.Thumbprint}");

        var response = await admin.GetAsync("/v1/audit");

        var events = await HttpAssert.OkAsync<List<AuditEventInfo>>(response);
        Assert.Contains(events, e => e is { Action: "certificates.import", Actor: "admin" } && e.Target == info.Thumbprint && e.Detail!.Contains("audited.example.com", StringComparison.Ordinal));
        Assert.Contains(events, e => e.Action == "certificates.delete" && e.Target == info.Thumbprint);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(TestCertificates.KeyBodyLines(pem.PrivateKeyPem).First(), body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_RouterAway_StillStoredAndAnswers201()
    {
        _router.Answers = false;
        using var admin = _server.AdminClient();

        var info = await ImportAsync(admin, TestCertificates.Ecdsa(["away.example.com"]));

        Assert.Contains(await HttpAssert.OkAsync<List<CertificateInfo>>(await admin.GetAsync("/v1/certificates")), c => c.Thumbprint == info.Thumbprint);
        Assert.Contains(_server.Logs.Lines, l => l.Contains("Could not hand the certificates to the router", StringComparison.Ordinal));
    }

    private static async Task<CertificateInfo> ImportAsync(HttpClient admin, TestCertificates.Pem pem) =>
        await HttpAssert.OkAsync<CertificateInfo>(
            await admin.PostAsJsonAsync("/v1/certificates", new ImportCertificateRequest(pem.CertificatePem, pem.PrivateKeyPem)),
            HttpStatusCode.Created);
}
