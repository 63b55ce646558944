using System.Net;
using System.Net.Http.Json;
using Wharf.Server.Tests.Infrastructure;

namespace Wharf.Server.Tests;

public sealed class HealthTests(WharfServerFactory server) : IClassFixture<WharfServerFactory>
{
    [Fact]
    public async Task Health_NoToken_AnswersOk()
    {
        using var client = server.ClientWith(token: null);

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", (await response.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["status"]);
    }

    [Fact]
    public async Task Start_FreshDataDirectory_UsesTheTestDirectoryWithAdminToken()
    {
        using var client = server.ClientWith(token: null);
        await client.GetAsync("/health");

        Assert.True(File.Exists(Path.Combine(server.DataDirectory, "admin.token")));
        Assert.True(File.Exists(Path.Combine(server.DataDirectory, "state.db")));
    }
}
