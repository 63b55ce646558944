namespace Wharf.Core.Api;

public sealed record CreateAppRequest(string Name);
