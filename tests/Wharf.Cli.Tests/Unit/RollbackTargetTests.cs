using Wharf.Cli.Deploy;
using Wharf.Core.Api;

namespace Wharf.Cli.Tests.Unit;

public sealed class RollbackTargetTests
{
    [Fact]
    public void Pick_NoVersion_TakesTheNewestOlderReleaseWithABuild()
    {
        // v1 build 1, v2 build 2, v3 config only (no build yet), v4 build 3 (current), v5 newer but not current.
        var releases = Releases((1, 1, false), (2, 2, false), (3, null, false), (4, 3, true), (5, 4, false));

        Assert.Equal(2, RollbackTarget.Pick("shop", releases, requested: null));
    }

    [Fact]
    public void Pick_NoVersion_SkipsNothingThatHasABuild()
    {
        var releases = Releases((1, 1, false), (2, 1, false), (3, 2, true));

        Assert.Equal(2, RollbackTarget.Pick("shop", releases, requested: null));
    }

    [Fact]
    public void Pick_OnlyConfigReleasesBefore_SaysThereIsNothingToRollBackTo()
    {
        var releases = Releases((1, null, false), (2, null, false), (3, 1, true));

        var error = Assert.Throws<CliException>(() => RollbackTarget.Pick("shop", releases, requested: null));

        Assert.Equal(
            "There is nothing to roll back to: no release of shop older than the current v3 has a build. `wharf releases -a shop` lists them.",
            error.Message);
    }

    [Fact]
    public void Pick_NoCurrentRelease_SaysToDeployFirst()
    {
        var error = Assert.Throws<CliException>(() => RollbackTarget.Pick("shop", [], requested: null));

        Assert.Contains("shop has no current release", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pick_RequestedOlder_TakesIt()
    {
        Assert.Equal(1, RollbackTarget.Pick("shop", Releases((1, null, false), (2, 1, false), (3, 2, true)), requested: 1));
    }

    [Theory]
    [InlineData(3, "Release v3 is already the current release of shop")]
    [InlineData(4, "Release v4 is newer than shop's current v3: that is not a rollback; use `wharf releases promote -a shop 4`.")]
    public void Pick_RequestedCurrentOrNewer_Refuses(int requested, string message)
    {
        var error = Assert.Throws<CliException>(() => RollbackTarget.Pick("shop", Releases((1, 1, false), (2, 1, false), (3, 2, true), (4, 3, false)), requested));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    private static List<ReleaseInfo> Releases(params (int Version, int? Build, bool Current)[] releases) =>
        [.. releases.Reverse().Select(r => new ReleaseInfo("shop", r.Version, r.Build, null, "", "admin", DateTimeOffset.UnixEpoch, r.Current, [], null))];
}
