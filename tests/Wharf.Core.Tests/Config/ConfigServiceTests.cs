using System.Text;
using Wharf.Core.Api;
using Wharf.Core.Audit;
using Wharf.Core.Config;
using Wharf.Core.Errors;
using Wharf.Core.Releases;
using Wharf.Core.Tests.Fakes;

namespace Wharf.Core.Tests.Config;

public sealed class ConfigServiceTests
{
    private readonly CoreHarness _core = new();

    [Fact]
    public async Task ChangeAsync_FirstSet_MakesEnvVersion1AndCurrentRelease1()
    {
        await _core.CreateAppAsync();

        var result = await _core.SetAsync("hello", ("FOO", "1"), ("BAR", "2"));

        Assert.Equal(1, result.EnvVersion);
        Assert.Equal(1, result.Release.Version);
        Assert.Equal(1, result.Release.EnvVersion);
        Assert.True(result.Release.Current);
        Assert.Equal("Set FOO, BAR", result.Release.Description);
        Assert.Equal("alice", result.Release.CreatedBy);
        Assert.Equal(["BAR", "FOO"], result.Release.EnvKeys);
        Assert.Equal(1, (await _core.Apps.GetAsync("hello")).CurrentRelease);
    }

    [Fact]
    public async Task ChangeAsync_SecondChange_KeepsOtherKeysAndBumpsBothVersions()
    {
        await _core.CreateAppAsync();
        await _core.SetAsync("hello", ("FOO", "1"), ("BAR", "2"));

        var result = await _core.Config.ChangeAsync(CoreHarness.Alice, "hello", new EnvChangeRequest(
            new Dictionary<string, string> { ["FOO"] = "one", ["NEW"] = "n" }, ["BAR"]));

        Assert.Equal((2, 2), (result.EnvVersion, result.Release.Version));
        Assert.Equal("Set FOO, NEW; unset BAR", result.Release.Description);
        var env = await _core.Config.GetAsync(CoreHarness.Alice, "hello", reveal: true);
        Assert.Equal(new Dictionary<string, string> { ["FOO"] = "one", ["NEW"] = "n" }, env.Values);
        Assert.Equal(2, env.Version);
    }

    [Fact]
    public async Task ChangeAsync_OnlyUnset_DescribesUnset()
    {
        await _core.CreateAppAsync();
        await _core.SetAsync("hello", ("FOO", "1"), ("BAZ", "2"));

        var result = await _core.UnsetAsync("hello", "BAZ", "FOO");

        Assert.Equal("Unset BAZ, FOO", result.Release.Description);
        Assert.Empty(result.Release.EnvKeys);
    }

    [Fact]
    public async Task ChangeAsync_AfterADeploy_CopiesBuildAndManifestOfCurrentRelease()
    {
        await _core.CreateAppAsync();
        var deployed = await _core.Releases.CreateAsync(CoreHarness.Alice, "hello", new ReleaseDraft(3, null, "services:\n  web: {}\n", "Deploy build 3"));
        await _core.Releases.PromoteAsync(CoreHarness.Alice, "hello", deployed.Version);

        var result = await _core.SetAsync("hello", ("FOO", "1"));

        var release = await _core.Releases.GetAsync("hello", result.Release.Version);
        Assert.Equal((2, 3, 1), (release.Version, release.Build, release.EnvVersion));
        Assert.Equal("services:\n  web: {}\n", release.Manifest);
    }

    [Fact]
    public async Task ChangeAsync_StoresOnlyCiphertext()
    {
        await _core.CreateAppAsync();
        var secret = "canary-" + Guid.NewGuid();

        await _core.SetAsync("hello", ("DATABASE_URL", secret));

        var stored = Assert.Single(_core.State.EnvStore.All);
        var bytes = stored.Sealed.Ciphertext.Concat(stored.Sealed.WrappedKey).ToArray();
        Assert.DoesNotContain(secret, Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal(secret, (await _core.Config.GetAsync(CoreHarness.Alice, "hello", reveal: true)).Values["DATABASE_URL"]);
    }

    [Fact]
    public async Task ChangeAsync_Valid_AuditsKeyNamesNeverValues()
    {
        await _core.CreateAppAsync();

        await _core.Config.ChangeAsync(CoreHarness.Alice, "hello", new EnvChangeRequest(new Dictionary<string, string> { ["FOO"] = "s3cr3t-value" }, null));

        var events = _core.State.AuditStore.All.Skip(1).ToList();
        Assert.Equal(
            [(AuditActions.EnvSet, "hello", "Set FOO"), (AuditActions.ReleasesCreate, "hello/release/1", "Set FOO"), (AuditActions.ReleasesPromote, "hello/release/1", null)],
            events.Select(e => (e.Action, e.Target, e.Detail)));
        Assert.All(events, e => Assert.Equal("alice", e.Actor));
        Assert.DoesNotContain(_core.State.AuditStore.All, e => (e.Detail ?? string.Empty).Contains("s3cr3t", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChangeAsync_ConcurrentWriterWins_RetriesOnTheFreshVersion()
    {
        await _core.CreateAppAsync();
        _core.State.EnvStore.BeforeInsert = _ => _core.OtherServer.ChangeAsync(
            CoreHarness.Alice, "hello", new EnvChangeRequest(new Dictionary<string, string> { ["OTHER"] = "theirs" }, null));

        var result = await _core.SetAsync("hello", ("MINE", "ours"));

        Assert.Equal(2, result.EnvVersion);
        var env = await _core.Config.GetAsync(CoreHarness.Alice, "hello", reveal: true);
        Assert.Equal(new Dictionary<string, string> { ["MINE"] = "ours", ["OTHER"] = "theirs" }, env.Values);
        Assert.Equal(3, _core.State.EnvStore.InsertAttempts);
    }

    [Fact]
    public async Task ChangeAsync_ConcurrentWriterUnsetsTheKey_RetryFailsNamingIt()
    {
        await _core.CreateAppAsync();
        await _core.SetAsync("hello", ("FOO", "1"), ("BAR", "2"));
        _core.State.EnvStore.BeforeInsert = _ => _core.OtherServer.ChangeAsync(CoreHarness.Alice, "hello", new EnvChangeRequest(null, ["FOO"]));

        var error = await Assert.ThrowsAsync<WharfValidationException>(() => _core.UnsetAsync("hello", "FOO"));

        Assert.StartsWith("FOO is not set on app 'hello'", Assert.Single(error.Errors["unset"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeAsync_AlwaysLosingTheRace_ThrowsConflictAfterMaxAttempts()
    {
        await _core.CreateAppAsync();
        _core.State.EnvStore.AlwaysConflict = true;

        var error = await Assert.ThrowsAsync<ConflictException>(() => _core.SetAsync("hello", ("FOO", "1")));

        Assert.Contains("kept changing", error.Message, StringComparison.Ordinal);
        Assert.Equal(ConfigService.MaxAttempts, _core.State.EnvStore.InsertAttempts);
        Assert.Empty(await _core.Releases.ListAsync("hello", null));
    }

    [Fact]
    public async Task ChangeAsync_UnsetMissingKey_ThrowsValidationNamingIt()
    {
        await _core.CreateAppAsync();
        await _core.SetAsync("hello", ("FOO", "1"));

        var error = await Assert.ThrowsAsync<WharfValidationException>(() => _core.UnsetAsync("hello", "NOPE"));

        Assert.Equal(
            "NOPE is not set on app 'hello', so it cannot be unset: run `wharf env -a hello` to see the keys.",
            Assert.Single(error.Errors["unset"]));
        Assert.Single(_core.State.EnvStore.All);
    }

    [Fact]
    public async Task ChangeAsync_MissingApp_ThrowsNotFound()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => _core.SetAsync("nope", ("FOO", "1")));
    }

    [Fact]
    public async Task ChangeAsync_ValidationFails_WritesNothing()
    {
        await _core.CreateAppAsync();

        await Assert.ThrowsAsync<WharfValidationException>(() => _core.SetAsync("hello", ("1BAD", "x")));

        Assert.Empty(_core.State.EnvStore.All);
        Assert.Single(_core.State.AuditStore.All);
    }

    [Fact]
    public async Task GetAsync_NoConfigYet_ReturnsNoVersionAndNoValues()
    {
        await _core.CreateAppAsync();

        var env = await _core.Config.GetAsync(CoreHarness.Reader, "hello", reveal: false);

        Assert.Null(env.Version);
        Assert.Empty(env.Values);
    }

    [Fact]
    public async Task GetAsync_NotRevealed_MasksEveryValue()
    {
        await _core.CreateAppAsync();
        await _core.SetAsync("hello", ("FOO", "1"), ("BAR", string.Empty));

        var env = await _core.Config.GetAsync(CoreHarness.Reader, "hello", reveal: false);

        Assert.False(env.Revealed);
        Assert.Equal(new Dictionary<string, string> { ["BAR"] = "********", ["FOO"] = "********" }, env.Values);
    }

    [Fact]
    public async Task GetAsync_RevealByReadToken_ThrowsForbidden()
    {
        await _core.CreateAppAsync();

        var error = await Assert.ThrowsAsync<ForbiddenException>(() => _core.Config.GetAsync(CoreHarness.Reader, "hello", reveal: true));

        Assert.StartsWith("Revealing env values needs the deploy role; your token 'viewer' has read.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_SealedBoxMovedToAnotherVersion_FailsToOpen()
    {
        await _core.CreateAppAsync();
        await _core.SetAsync("hello", ("FOO", "1"));
        var v1 = Assert.Single(_core.State.EnvStore.All);
        await _core.State.EnvStore.TryInsertAsync(v1 with { Version = 2 });

        await Assert.ThrowsAsync<Wharf.Core.Crypto.SealedBoxTamperedException>(
            () => _core.Config.GetAsync(CoreHarness.Alice, "hello", reveal: true));
    }
}
