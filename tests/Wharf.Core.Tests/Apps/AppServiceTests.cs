using Wharf.Core.Api;
using Wharf.Core.Audit;
using Wharf.Core.Builds;
using Wharf.Core.Errors;
using Wharf.Core.Tests.Fakes;

namespace Wharf.Core.Tests.Apps;

public sealed class AppServiceTests
{
    private readonly CoreHarness _core = new();

    [Theory]
    [InlineData("a")]
    [InlineData("hello")]
    [InlineData("billing-api2")]
    [InlineData("a123456789012345678901234567890123456789012345678901234567890bc")]
    public async Task CreateAsync_DnsLabel_CreatesAppWithoutRelease(string name)
    {
        var app = await _core.Apps.CreateAsync(CoreHarness.Alice, new CreateAppRequest(name));

        Assert.Equal(name, app.Name);
        Assert.Null(app.CurrentRelease);
        Assert.Equal(name, (await _core.Apps.GetAsync(name)).Name);
    }

    [Theory]
    [InlineData("", "An app needs a name")]
    [InlineData("Hello", "is invalid")]
    [InlineData("1hello", "is invalid")]
    [InlineData("hello-", "is invalid")]
    [InlineData("he_llo", "is invalid")]
    [InlineData("-hello", "is invalid")]
    [InlineData("a1234567890123456789012345678901234567890123456789012345678901bc", "at most 63")]
    public async Task CreateAsync_NotADnsLabel_ThrowsValidationOnName(string name, string expected)
    {
        var error = await Assert.ThrowsAsync<WharfValidationException>(
            () => _core.Apps.CreateAsync(CoreHarness.Alice, new CreateAppRequest(name)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(error.Message, Assert.Single(error.Errors["name"]));
        Assert.Empty(_core.State.AuditStore.All);
    }

    [Fact]
    public async Task CreateAsync_NameTaken_ThrowsConflict()
    {
        await _core.CreateAppAsync("hello");

        var error = await Assert.ThrowsAsync<ConflictException>(() => _core.CreateAppAsync("hello"));

        Assert.Equal("App 'hello' already exists: pick another name, or use it as it is.", error.Message);
    }

    [Fact]
    public async Task CreateAsync_Valid_RecordsAuditWithActor()
    {
        await _core.CreateAppAsync("hello");

        var recorded = Assert.Single(_core.State.AuditStore.All);
        Assert.Equal(("alice", AuditActions.AppsCreate, "hello"), (recorded.Actor, recorded.Action, recorded.Target));
    }

    [Fact]
    public async Task GetAsync_Missing_ThrowsNotFoundSayingWhatToRun()
    {
        var error = await Assert.ThrowsAsync<NotFoundException>(() => _core.Apps.GetAsync("nope"));

        Assert.Equal("App 'nope' does not exist: run `wharf apps` to see the apps, or `wharf apps create nope`.", error.Message);
    }

    [Fact]
    public async Task ListAsync_SeveralApps_OrderedByName()
    {
        await _core.CreateAppAsync("zeta");
        await _core.CreateAppAsync("alpha");

        var apps = await _core.Apps.ListAsync();

        Assert.Equal(["alpha", "zeta"], apps.Select(a => a.Name));
    }

    [Fact]
    public async Task DeleteAsync_Existing_RemovesAppItsBlobsAndAudits()
    {
        await _core.CreateAppAsync("hello");
        await _core.CreateAppAsync("hello2");
        await _core.SetAsync("hello", ("FOO", "1"));
        using (var content = new MemoryStream([1, 2, 3]))
        {
            await _core.Blobs.PutAsync("apps/hello/builds/1/context.tar", content);
        }

        using (var content = new MemoryStream([4]))
        {
            await _core.Blobs.PutAsync("apps/hello2/builds/1/context.tar", content);
        }

        await _core.Apps.DeleteAsync(CoreHarness.Alice, "hello");

        await Assert.ThrowsAsync<NotFoundException>(() => _core.Apps.GetAsync("hello"));
        Assert.Equal(["apps/hello2/builds/1/context.tar"], _core.Blobs.Keys);
        Assert.Empty(_core.State.EnvStore.All);
        var last = _core.State.AuditStore.All[^1];
        Assert.Equal(("alice", AuditActions.AppsDelete, "hello"), (last.Actor, last.Action, last.Target));
    }

    [Fact]
    public async Task DeleteAsync_Built_ItsImageNamesGoOthersStay()
    {
        await _core.CreateAppAsync("hello");
        await _core.CreateAppAsync("hello2");
        var at = DateTimeOffset.UnixEpoch;
        foreach (var (app, image) in new[] { ("hello", "wharf/hello-web:1"), ("hello", "wharf/hello2-web:1"), ("hello2", "wharf/hello2-web:1") })
        {
            var number = await _core.State.Builds.LatestNumberAsync(app) + 1;
            await _core.State.Builds.TryInsertAsync(new Build(app, number, BuildStatus.Succeeded, new Dictionary<string, string> { ["web"] = image }, null, null, at, at));
            _core.Images.Tags.Add(image);
        }

        await _core.Apps.DeleteAsync(CoreHarness.Alice, "hello");

        // hello's second build ran hello2's image by name: that name is hello2's, and stays.
        Assert.Equal(["wharf/hello2-web:1"], _core.Images.Tags);
    }

    [Fact]
    public async Task DeleteAsync_Missing_ThrowsNotFound()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => _core.Apps.DeleteAsync(CoreHarness.Alice, "nope"));

        Assert.Empty(_core.State.AuditStore.All);
    }
}
