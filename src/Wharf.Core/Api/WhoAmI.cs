namespace Wharf.Core.Api;

public sealed record WhoAmI(string Name, string Role, string ServerVersion);
