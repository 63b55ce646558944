using Wharf.Server.Routing;

namespace Wharf.Server.Tests.Routing;

public sealed class RouterArgumentsTests
{
    private static readonly Func<string, string?> _noEnvironment = _ => null;

    [Fact]
    public void Parse_WhatFormatWrote_GivesTheSameOptions()
    {
        var options = RouterArguments.Create("/data", ["http://127.0.0.1:8080", "http://[::1]:8080"], ["https://127.0.0.1:8443"], redirect: true);

        var parsed = RouterArguments.Parse(RouterArguments.Format(options), _noEnvironment);

        Assert.Equal(options.DataDirectory, parsed.DataDirectory);
        Assert.Equal(options.HttpUrls, parsed.HttpUrls);
        Assert.Equal(options.HttpsUrls, parsed.HttpsUrls);
        Assert.True(parsed.RedirectToHttps);
    }

    [Fact]
    public void Parse_Nothing_DefaultsFromTheEnvironment()
    {
        var parsed = RouterArguments.Parse([], name => name switch
        {
            "WHARF_DATA" => "/from/env",
            "WHARF_ROUTER_URL" => "http://0.0.0.0:9000",
            _ => null,
        });

        Assert.Equal(("/from/env", "http://0.0.0.0:9000"), (parsed.DataDirectory, Assert.Single(parsed.HttpUrls)));
    }

    [Fact]
    public void Parse_BadArguments_ListsEverySentence()
    {
        var error = Assert.Throws<ServerStartupException>(() => RouterArguments.Parse(
            ["--htp", "x", "--http", "https://127.0.0.1:1", "--https", "http://127.0.0.1:2", "--data"], _noEnvironment));

        Assert.Equal(
            [
                "Unknown argument '--htp': the router takes --data DIR, --http URL, --https URL and --redirect-https.",
                "Unknown argument 'x': the router takes --data DIR, --http URL, --https URL and --redirect-https.",
                "--data needs a value, e.g. --data /var/lib/wharf.",
                "--http 'https://127.0.0.1:1' is not a http:// address without a path, e.g. http://127.0.0.1:8080.",
                "--https 'http://127.0.0.1:2' is not a https:// address without a path, e.g. https://127.0.0.1:8443.",
            ],
            error.Problems);
    }

    [Fact]
    public void Parse_RedirectWithoutHttps_SaysWhatToAdd()
    {
        var error = Assert.Throws<ServerStartupException>(() => RouterArguments.Parse(["--redirect-https"], _noEnvironment));

        Assert.Equal(["--redirect-https needs an HTTPS listener to redirect to: add --https URL."], error.Problems);
    }

    [Fact]
    public void Describe_OneProblem_IsOneRouterSentence()
    {
        Assert.Equal("wharf router cannot start: x.", RouterProgram.Describe(["x."]));
    }
}
