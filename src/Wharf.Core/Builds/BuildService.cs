using Wharf.Core.Api;
using Wharf.Core.Apps;
using Wharf.Core.Errors;
using Wharf.Core.Paging;
using Wharf.Core.State;

namespace Wharf.Core.Builds;

/// <summary>Shows an app's builds.</summary>
public sealed class BuildService(IStateStore state)
{
    public const int DefaultLimit = 50;

    public async Task<IReadOnlyList<BuildInfo>> ListAsync(string app, int? limit, CancellationToken ct = default)
    {
        var take = ListLimit.Check(limit, DefaultLimit);
        await state.Apps.RequireAsync(app, ct);
        return [.. (await state.Builds.ListAsync(app, take, ct)).Select(ToInfo)];
    }

    public async Task<BuildInfo> GetAsync(string app, int number, CancellationToken ct = default)
    {
        await state.Apps.RequireAsync(app, ct);
        var build = await state.Builds.GetAsync(app, number, ct)
            ?? throw new NotFoundException($"Build {number} of app '{app}' does not exist: run `wharf builds -a {app}` to see its builds.");
        return ToInfo(build);
    }

    public static string StatusName(BuildStatus status) => status.ToString().ToLowerInvariant();

    private static BuildInfo ToInfo(Build build) =>
        new(build.App, build.Number, StatusName(build.Status), build.Images, build.Error, build.CreatedAt, build.FinishedAt);
}
