namespace Wharf.Core.Api;

public sealed record AppInfo(string Name, DateTimeOffset CreatedAt, int? CurrentRelease);
