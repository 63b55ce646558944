using System.Net;
using Wharf.Server.Tests.Infrastructure;

namespace Wharf.Server.Tests;

public sealed class ErrorTests(WharfServerFactory server) : IClassFixture<WharfServerFactory>
{
    [Theory]
    [InlineData("/v1/nope")]
    [InlineData("/nope")]
    [InlineData("/v2/apps")]
    public async Task UnknownRoute_Answers404ProblemNamingIt(string path)
    {
        using var client = server.AdminClient();

        var problem = await HttpAssert.ProblemAsync(await client.GetAsync(path), HttpStatusCode.NotFound);

        Assert.Equal($"There is no GET {path} in the Wharf API: check the URL and the client's version.", problem.Detail);
    }

    [Fact]
    public async Task WrongMethod_Answers405Problem()
    {
        using var client = server.AdminClient();

        var problem = await HttpAssert.ProblemAsync(await client.PutAsync("/v1/apps", null), HttpStatusCode.MethodNotAllowed);

        Assert.Equal("/v1/apps does not take PUT: check the client's version.", problem.Detail);
    }

    [Fact]
    public async Task Json_Answers_AreCamelCase()
    {
        using var client = server.AdminClient();

        var text = await (await client.GetAsync("/v1/whoami")).Content.ReadAsStringAsync();

        Assert.StartsWith("{\"name\":\"admin\",\"role\":\"admin\",\"serverVersion\":", text, StringComparison.Ordinal);
    }
}
