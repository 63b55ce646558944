using Wharf.Router;
using Wharf.Server.Routing;

namespace Wharf.Server.Tests.Routing;

public sealed class RouterLaunchTests
{
    private static readonly RouterOptions _options = RouterArguments.Create(
        "/var/lib/wharf", ["http://0.0.0.0:80"], ["https://0.0.0.0:443"], redirect: true);

    [Fact]
    public void For_DotnetHost_RunsTheEntryAssemblyWithTheRouterArguments()
    {
        var launch = RouterLaunch.For(new RouterEntryPoint("/usr/share/dotnet/dotnet", "/opt/wharf/wharf.dll"), _options);

        Assert.Equal("/usr/share/dotnet/dotnet", launch.FileName);
        Assert.Equal(
            ["/opt/wharf/wharf.dll", "router", "--data", "/var/lib/wharf", "--http", "http://0.0.0.0:80", "--https", "https://0.0.0.0:443", "--redirect-https"],
            launch.Arguments);
    }

    [Fact]
    public void For_AppHost_RunsItselfWithoutTheAssembly()
    {
        var launch = RouterLaunch.For(new RouterEntryPoint("/opt/wharf/wharf", "/opt/wharf/wharf.dll"), RouterArguments.Create("/data", ["http://127.0.0.1:8080"], [], redirect: false));

        Assert.Equal("/opt/wharf/wharf", launch.FileName);
        Assert.Equal(["router", "--data", "/data", "--http", "http://127.0.0.1:8080"], launch.Arguments);
    }

    [Fact]
    public void For_DotnetHostWithoutAssemblyFile_SaysToStartTheRouterByHand()
    {
        var error = Assert.Throws<InvalidOperationException>(() => RouterLaunch.For(new RouterEntryPoint("/usr/bin/dotnet", ""), _options));

        Assert.Contains("start `wharf router` yourself and pass --no-router", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_PathsWithSpaces_AreQuotedAsAShellWould()
    {
        var launch = RouterLaunch.For(new RouterEntryPoint("/usr/bin/dotnet", "/home/me/my wharf/wharf.dll"), RouterArguments.Create("/data", ["http://127.0.0.1:8080"], [], redirect: false));

        Assert.Equal("/usr/bin/dotnet '/home/me/my wharf/wharf.dll' router --data /data --http http://127.0.0.1:8080", launch.ToString());
    }

    [Fact]
    public void For_ServerOptions_UsesTheServersDataDirectoryAndListeners()
    {
        var server = new ServerOptions { DataDirectory = "/srv/wharf", RouterUrl = "http://0.0.0.0:8000", RouterHttpsUrl = "https://0.0.0.0:8443", RedirectHttps = true, StartRouter = false };

        var options = RouterArguments.For(server);

        Assert.Equal(("/srv/wharf", "/srv/wharf/router/control.sock"), (options.DataDirectory, options.ControlSocketPath));
        Assert.Equal(["http://0.0.0.0:8000"], options.HttpUrls);
        Assert.Equal(["https://0.0.0.0:8443"], options.HttpsUrls);
        Assert.True(options.RedirectToHttps);
    }
}
