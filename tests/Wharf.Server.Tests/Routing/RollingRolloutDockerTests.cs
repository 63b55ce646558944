using Wharf.Server.Tests.Deployments;
using Xunit.Abstractions;

namespace Wharf.Server.Tests.Routing;

/// <summary>
/// A service with <c>deployment: {maximum: 134}</c> (three processes, one extra at most) rolled under constant
/// traffic through the router, against the real engine: in steps, within its bounds, and without a failed request.
/// </summary>
[Trait("Category", "Docker")]
[Collection(AloneUnderLoad.Name)]
public sealed class RollingRolloutDockerTests(RoutedServerFixture fixture, ITestOutputHelper output) : IClassFixture<RoutedServerFixture>
{
    private const int Rate = 200;

    private const string Manifest = """
        environment:
          - GREETING=Hello from Wharf
        services:
          web:
            build: .
            port: 5000
            health: /health
            scale:
              count: 3
              memory: 128MB
            deployment:
              maximum: 134
            termination:
              grace: 5s
        """;

    [Fact]
    public async Task Deploy_ThreeWebsMaximum134TwiceUnderLoad_NoFailedRequestAndNeverMoreThanFourContainers()
    {
        var app = await fixture.CreateAppAsync();
        await fixture.DeploySucceededAsync(app, Source("# release 1"));
        await fixture.WaitRoutedAsync(app, backends: 3);

        await using var containers = ContainerCount.Start(app, "web");
        await using var load = TrafficLoad.Start(fixture.Server.RouterUrl, RoutedServerFixture.Host(app), requestsPerSecond: Rate);
        var logs = new List<IReadOnlyList<string>>();
        var releases = new List<int>();
        for (var i = 2; i <= 3; i++)
        {
            var deployment = await fixture.DeploySucceededAsync(app, Source($"# release {i}"));
            releases.Add(deployment.Release!.Value);
            logs.Add((await fixture.Admin.GetStringAsync($"/v1/apps/{app}/deployments/{deployment.Id}/log")).Split('\n'));
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        await load.StopAsync();
        var after = await containers.NowAsync();
        output.WriteLine($"{load.Summary()}; peak {containers.Peak} web containers over {containers.Samples} samples");

        Assert.True(load.Failures.Count == 0, load.Summary() + await fixture.DescribeAsync(app));
        Assert.True(containers.Samples > 20, $"Only {containers.Samples} samples of the engine's containers");
        Assert.True(containers.Peak <= 4, $"{containers.Peak} web containers ran at once (at most 4 allowed)");
        Assert.Equal(3, after);
        Assert.True(load.Releases.ContainsKey(releases[^1]), "The last release never served: " + load.Summary());
        foreach (var log in logs)
        {
            var text = string.Join('\n', log);
            Assert.Contains("web: rolling in steps: at most 4 processes running, at least 3 in rotation", log);
            Assert.Contains("web: 1 of 3 new processes in rotation; 1 old one draining; 2 old still serving", log);
            Assert.Contains("web: 2 of 3 new processes in rotation; 1 old one draining; 1 old still serving", log);
            Assert.True(log.Contains("web: 3 of 3 new processes in rotation; 1 old one draining"), text);
        }
    }

    private static byte[] Source(string change) =>
        SourceTar.Pack(SourceTar.Example("hello"), new Dictionary<string, string>
        {
            ["wharf.yml"] = Manifest,
            ["app.py"] = File.ReadAllText(Path.Combine(SourceTar.Example("hello"), "app.py")) + "\n" + change + "\n",
        });
}
