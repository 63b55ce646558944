using Wharf.Core.Deployments;

namespace Wharf.Core.Tests.Fakes;

public sealed class InMemoryDeploymentStore : IDeploymentStore
{
    private readonly List<Deployment> _deployments = [];

    public Task<Deployment?> GetAsync(string app, int id, CancellationToken ct = default) =>
        Task.FromResult(_deployments.FirstOrDefault(d => d.App == app && d.Id == id));

    public Task<IReadOnlyList<Deployment>> ListAsync(string app, int limit = 50, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<Deployment>>([.. _deployments.Where(d => d.App == app).OrderByDescending(d => d.Id).Take(limit)]);

    public Task<IReadOnlyList<Deployment>> ListUnfinishedAsync(CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<Deployment>>(
        [
            .. _deployments
                .Where(d => d.Status is DeploymentStatus.Queued or DeploymentStatus.Building or DeploymentStatus.RollingOut)
                .OrderBy(d => d.CreatedAt),
        ]);

    public Task<int> LatestIdAsync(string app, CancellationToken ct = default) =>
        Task.FromResult(_deployments.Where(d => d.App == app).Select(d => d.Id).DefaultIfEmpty(0).Max());

    public Task<bool> TryInsertAsync(Deployment deployment, CancellationToken ct = default)
    {
        if (_deployments.Any(d => d.App == deployment.App && d.Id == deployment.Id))
        {
            return Task.FromResult(false);
        }

        _deployments.Add(deployment);
        return Task.FromResult(true);
    }

    public Task UpdateAsync(Deployment deployment, CancellationToken ct = default)
    {
        _deployments[_deployments.FindIndex(d => d.App == deployment.App && d.Id == deployment.Id)] = deployment;
        return Task.CompletedTask;
    }

    public void Forget(string app) => _deployments.RemoveAll(d => d.App == app);
}
