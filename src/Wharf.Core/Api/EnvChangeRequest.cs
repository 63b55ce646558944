namespace Wharf.Core.Api;

/// <summary>Sets and unsets env keys in one change, which makes one new env version and one new release.</summary>
public sealed record EnvChangeRequest(IReadOnlyDictionary<string, string>? Set, IReadOnlyList<string>? Unset);
