namespace Wharf.Core.Api;

public sealed record EnvChangeResult(int EnvVersion, ReleaseInfo Release);
