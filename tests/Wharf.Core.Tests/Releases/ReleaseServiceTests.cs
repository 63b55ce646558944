using System.Text.Json;
using Wharf.Core.Api;
using Wharf.Core.Audit;
using Wharf.Core.Errors;
using Wharf.Core.Releases;
using Wharf.Core.Tests.Fakes;

namespace Wharf.Core.Tests.Releases;

public sealed class ReleaseServiceTests
{
    private readonly CoreHarness _core = new();

    [Fact]
    public async Task CreateAsync_AnotherReleaseSlipsIn_TakesTheNextVersion()
    {
        await _core.CreateAppAsync();
        var draft = new ReleaseDraft(1, null, null, "Deploy build 1");
        _core.State.ReleaseStore.BeforeInsert = _ => _core.Releases.CreateAsync(CoreHarness.Alice, "hello", draft with { Description = "theirs" });

        var mine = await _core.Releases.CreateAsync(CoreHarness.Alice, "hello", draft);

        Assert.Equal(2, mine.Version);
        Assert.Equal("theirs", (await _core.Releases.GetAsync("hello", 1)).Description);
    }

    [Fact]
    public async Task CreateAsync_WithoutPromote_LeavesCurrentAlone()
    {
        await _core.CreateAppAsync();

        await _core.Releases.CreateAsync(CoreHarness.Alice, "hello", new ReleaseDraft(1, null, null, "Deploy build 1"));

        Assert.Null((await _core.Apps.GetAsync("hello")).CurrentRelease);
        var release = await _core.Releases.GetAsync("hello", 1);
        Assert.False(release.Current);
        Assert.Equal(AuditActions.ReleasesCreate, _core.State.AuditStore.All[^1].Action);
    }

    [Fact]
    public async Task PromoteAsync_OlderRelease_MakesItCurrentAndAudits()
    {
        await _core.CreateAppAsync();
        await _core.SetAsync("hello", ("A", "1"));
        await _core.SetAsync("hello", ("B", "2"));

        await _core.Releases.PromoteAsync(CoreHarness.Alice, "hello", 1);

        Assert.Equal(1, (await _core.Apps.GetAsync("hello")).CurrentRelease);
        var last = _core.State.AuditStore.All[^1];
        Assert.Equal((AuditActions.ReleasesPromote, "hello/release/1", "alice"), (last.Action, last.Target, last.Actor));
    }

    [Fact]
    public async Task PromoteAsync_MissingRelease_ThrowsNotFound()
    {
        await _core.CreateAppAsync();

        var error = await Assert.ThrowsAsync<NotFoundException>(() => _core.Releases.PromoteAsync(CoreHarness.Alice, "hello", 7));

        Assert.Equal("Release 7 of app 'hello' does not exist: run `wharf releases -a hello` to see its releases.", error.Message);
    }

    [Fact]
    public async Task ListAsync_SeveralReleases_NewestFirstWithKeysButNoManifest()
    {
        await _core.CreateAppAsync();
        await _core.SetAsync("hello", ("A", "1"));
        await _core.SetAsync("hello", ("B", "2"));
        await _core.UnsetAsync("hello", "A");

        var releases = await _core.Releases.ListAsync("hello", limit: 2);

        Assert.Equal([3, 2], releases.Select(r => r.Version));
        Assert.Equal([["B"], ["A", "B"]], releases.Select(r => r.EnvKeys));
        Assert.Equal([true, false], releases.Select(r => r.Current));
        Assert.All(releases, r => Assert.Null(r.Manifest));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task ListAsync_LimitOutOfRange_ThrowsValidationOnLimit(int limit)
    {
        await _core.CreateAppAsync();

        var error = await Assert.ThrowsAsync<WharfValidationException>(() => _core.Releases.ListAsync("hello", limit));

        Assert.Equal($"The limit {limit} is out of range: give a number from 1 to 1000.", Assert.Single(error.Errors["limit"]));
    }

    [Fact]
    public async Task ListAsync_MissingApp_ThrowsNotFound()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => _core.Releases.ListAsync("nope", null));
    }

    [Fact]
    public async Task DiffAsync_EnvAndManifestChanges_ListsKeysAndUnifiedDiffWithoutValues()
    {
        await _core.CreateAppAsync();
        var first = await _core.Releases.CreateAsync(CoreHarness.Alice, "hello", new ReleaseDraft(1, null, "name: hello\nport: 80\n", "Deploy build 1"));
        await _core.Releases.PromoteAsync(CoreHarness.Alice, "hello", first.Version);
        await _core.SetAsync("hello", ("KEEP", "same"), ("CHANGE", "old-value"), ("DROP", "x"));
        await _core.Config.ChangeAsync(CoreHarness.Alice, "hello", new EnvChangeRequest(
            new Dictionary<string, string> { ["CHANGE"] = "new-value", ["ADD"] = "y" }, ["DROP"]));
        var last = await _core.Releases.CreateAsync(CoreHarness.Alice, "hello", new ReleaseDraft(2, 2, "name: hello\nport: 8080\n", "Deploy build 2"));

        var diff = await _core.Releases.DiffAsync("hello", 2, last.Version);

        Assert.Equal((2, 4, 1, 2), (diff.From, diff.To, diff.FromBuild, diff.ToBuild));
        Assert.Equal(["ADD"], diff.EnvAdded);
        Assert.Equal(["DROP"], diff.EnvRemoved);
        Assert.Equal(["CHANGE"], diff.EnvChanged);
        Assert.Equal("--- release 2\n+++ release 4\n@@ -1,2 +1,2 @@\n name: hello\n-port: 80\n+port: 8080\n", diff.ManifestDiff);
        Assert.DoesNotContain("-value", JsonSerializer.Serialize(diff), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiffAsync_SameRelease_IsEmpty()
    {
        await _core.CreateAppAsync();
        await _core.SetAsync("hello", ("A", "1"));

        var diff = await _core.Releases.DiffAsync("hello", 1, 1);

        Assert.Empty(diff.EnvAdded.Concat(diff.EnvRemoved).Concat(diff.EnvChanged));
        Assert.Equal(string.Empty, diff.ManifestDiff);
    }

    [Fact]
    public async Task DiffAsync_MissingRelease_ThrowsNotFoundNamingIt()
    {
        await _core.CreateAppAsync();
        await _core.SetAsync("hello", ("A", "1"));

        var error = await Assert.ThrowsAsync<NotFoundException>(() => _core.Releases.DiffAsync("hello", 1, 9));

        Assert.StartsWith("Release 9 of app 'hello' does not exist", error.Message, StringComparison.Ordinal);
    }
}
