using Wharf.Core.Crypto;
using Wharf.Manifest;

namespace Wharf.Core.Resources;

/// <summary>
/// What Wharf remembers of a resource it provisioned: its kind and its generated credentials, sealed like env.
/// Made once, at the first deploy that needs it; the data itself lives in the resource's volume.
/// </summary>
public sealed record ResourceRecord(string App, string Name, ResourceType Type, SealedBox Credentials, DateTimeOffset CreatedAt);
