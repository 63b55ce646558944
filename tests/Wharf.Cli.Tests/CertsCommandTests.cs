using System.Text.Json;
using Wharf.Cli.Tests.Infrastructure;
using Wharf.Core.Api;

namespace Wharf.Cli.Tests;

[Collection(ServerCollectionDefinition.Name)]
public sealed class CertsCommandTests(ServerFixture server)
{
    [Fact]
    public async Task CertsImport_PemFiles_ListedByThumbprintThenRemoved()
    {
        using var admin = server.Admin();
        using var files = new TempDirectory("wharf-certs");
        var host = $"{AppNames.Unique("shop")}.example.com";
        var (certificate, key) = TestCertificates.Write(files, host);

        var import = await admin.RunAsync("certs", "import", certificate, key, "--json");
        var imported = JsonSerializer.Deserialize<CertificateInfo>(import.Stdout, JsonSerializerOptions.Web)!;
        var list = await admin.RunAsync("certs");
        var remove = await admin.RunAsync("certs", "remove", imported.Thumbprint);
        var after = await admin.RunAsync("certs", "--json");

        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Equal([host], imported.Hosts);
        Assert.Contains(imported.Thumbprint, list.Stdout, StringComparison.Ordinal);
        Assert.Contains(host, list.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", list.Stdout, StringComparison.Ordinal);
        Assert.True(remove.ExitCode == 0, remove.ToString());
        Assert.Contains($"Removed certificate {imported.Thumbprint}.", remove.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(JsonSerializer.Deserialize<List<CertificateInfo>>(after.Stdout, JsonSerializerOptions.Web)!, c => c.Thumbprint == imported.Thumbprint);
    }

    [Fact]
    public async Task CertsImport_Table_SaysWhatWasImported()
    {
        using var admin = server.Admin();
        using var files = new TempDirectory("wharf-certs");
        var host = $"{AppNames.Unique("said")}.example.com";
        var (certificate, key) = TestCertificates.Write(files, host);

        var import = await admin.RunAsync("certs", "import", certificate, key);

        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Matches($"^Imported certificate [0-9a-f]{{64}} for {host}, expiring ", import.Stdout);
    }

    [Fact]
    public async Task CertsImport_KeyOfAnotherCertificate_ExitsOneWithTheServersSentence()
    {
        using var admin = server.Admin();
        using var files = new TempDirectory("wharf-certs");
        var (certificate, _) = TestCertificates.Write(files, "one.example.com");
        var (_, otherKey) = TestCertificates.Write(files, "two.example.com");

        var import = await admin.RunAsync("certs", "import", certificate, otherKey);

        Assert.Equal(1, import.ExitCode);
        Assert.Contains("The private key does not match the certificate", import.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CertsImport_MissingFile_ExitsOneNamingIt()
    {
        using var admin = server.Admin();

        var import = await admin.RunAsync("certs", "import", "nowhere.pem", "nokey.pem");

        Assert.Equal(1, import.ExitCode);
        Assert.Contains("The certificate file 'nowhere.pem' does not exist", import.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CertsRemove_Unknown_ExitsNotFound()
    {
        using var admin = server.Admin();

        var remove = await admin.RunAsync("certs", "remove", new string('b', 64));

        Assert.True(remove.ExitCode == 5, remove.ToString());
        Assert.Contains("run `wharf certs`", remove.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Certs_DeployToken_ExitsNotAllowed()
    {
        using var admin = server.Admin();
        var created = await admin.RunAsync("tokens", "create", AppNames.Unique("dep"), "--role", "deploy", "--json");
        var token = JsonSerializer.Deserialize<TokenInfo>(created.Stdout, JsonSerializerOptions.Web)!;
        using var deployer = new CliSession().With("WHARF_URL", server.Url).With("WHARF_TOKEN", token.Secret!);

        var list = await deployer.RunAsync("certs");

        Assert.True(list.ExitCode == 4, list.ToString());
    }
}
