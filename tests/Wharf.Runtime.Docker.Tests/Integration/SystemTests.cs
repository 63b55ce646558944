using Wharf.Runtime.Docker.Engine;
using Wharf.Runtime.Docker.Engine.System;
using Wharf.Runtime.Docker.Tests.TestSupport;

namespace Wharf.Runtime.Docker.Tests.Integration;

[Trait("Category", TestCategories.Docker)]
public sealed class SystemTests(DockerEngineFixture docker) : IClassFixture<DockerEngineFixture>
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    [Fact]
    public async Task GetApiVersionAsync_RealEngine_IsLowerOfEngineAndClientMaximum()
    {
        var engine = await docker.Client.System.GetVersionAsync(Timeout);

        var negotiated = await docker.Client.System.GetApiVersionAsync(Timeout);

        var expected = Version.Parse(engine.ApiVersion) < Version.Parse(DockerApiVersions.Max) ? engine.ApiVersion : DockerApiVersions.Max;
        Assert.Equal(expected, negotiated);
    }

    [Fact]
    public async Task GetApiVersionAsync_ClientCappedAtMinimum_UsesTheCap()
    {
        using var client = new DockerClient(new DockerClientOptions { MaxApiVersion = DockerApiVersions.Min });

        Assert.Equal(DockerApiVersions.Min, await client.System.GetApiVersionAsync(Timeout));
        // The negotiated prefix is used for real requests: an info call through it works.
        Assert.True((await client.System.GetInfoAsync(Timeout)).Cpus > 0);
    }

    [Fact]
    public async Task PingAsync_RealEngine_Answers()
    {
        await docker.Client.System.PingAsync(Timeout);
    }

    [Fact]
    public async Task GetInfoAsync_RealEngine_DescribesTheHost()
    {
        var info = await docker.Client.System.GetInfoAsync(Timeout);

        Assert.True(info.Cpus > 0);
        Assert.True(info.MemTotal > 0);
        Assert.False(string.IsNullOrEmpty(info.ServerVersion));
    }

    [Fact]
    public async Task StreamEventsAsync_FilteredByLabel_SeesOnlyThatContainerStarting()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var caseLabel = ("wharf.test.case", "events-" + docker.RunId);
        // Started first and unlabelled for this case: the filter must keep it out.
        await docker.RunAsync(docker.Container("events-other", "sleep", "30"), cts.Token);
        var id = await docker.RunAsync(docker.Container("events", "sleep", "30") with { Labels = docker.LabelsWith(caseLabel) }, cts.Token);

        var query = new EventsQuery
        {
            Since = since,
            Filters = DockerFilters.WithLabel(caseLabel.Item1, caseLabel.Item2).Type("container").Event("start"),
        };
        DockerEvent? first = null;
        await foreach (var e in docker.Client.System.StreamEventsAsync(query, cts.Token))
        {
            first = e;
            break;
        }

        Assert.NotNull(first);
        Assert.Equal("start", first.Action);
        Assert.Equal(id, first.Actor.Id);
        Assert.Equal(caseLabel.Item2, first.Actor.Attributes![caseLabel.Item1]);
        Assert.True(first.Timestamp >= since.AddSeconds(-1));
    }
}
