using Wharf.Cli.Tests.Infrastructure;

namespace Wharf.Cli.Tests;

/// <summary>`wharf router` and the router flags of `wharf server`: what a user gets wrong is one sentence.</summary>
public sealed class RouterCommandTests
{
    [Fact]
    public async Task Router_BadListener_ExitsOneWithARouterSentence()
    {
        using var user = new CliSession();
        using var data = new TempDirectory("wharf-router-data");

        var router = await user.RunAsync("router", "--data", data.Path, "--http", "ftp://127.0.0.1:1");

        Assert.True(router.ExitCode == 1, router.ToString());
        Assert.Equal("wharf router cannot start: --http 'ftp://127.0.0.1:1' is not a http:// address without a path, e.g. http://127.0.0.1:8080.", router.Stderr.Trim());
    }

    [Fact]
    public async Task Server_RedirectWithoutHttps_ExitsOneSayingWhatToAdd()
    {
        using var user = new CliSession();
        using var data = new TempDirectory("wharf-router-data");

        var server = await user.RunAsync("server", "--data", data.Path, "--api", $"http://127.0.0.1:{FreePort.Next()}", "--redirect-https", "--no-router");

        Assert.True(server.ExitCode == 1, server.ToString());
        Assert.Contains("--redirect-https (WHARF_ROUTER_REDIRECT_HTTPS) needs an HTTPS listener to redirect to: add --router-https URL", server.Stderr, StringComparison.Ordinal);
    }
}
