namespace Wharf.Core.Api;

/// <param name="Deployment">The rollout of the new release, for an app that runs a build; null when the release became current at once.</param>
public sealed record EnvChangeResult(int EnvVersion, ReleaseInfo Release, DeploymentInfo? Deployment = null);
