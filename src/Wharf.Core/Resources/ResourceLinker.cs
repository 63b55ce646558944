using Wharf.Core.State;
using Wharf.Manifest;

namespace Wharf.Core.Resources;

/// <summary>The links of the resources Wharf provisioned for an app, as the processes of a release get them.</summary>
public sealed class ResourceLinker(IStateStore state, ResourceVault vault)
{
    /// <summary>One link per resource of the manifest that Wharf has credentials for; external ones are left to the config.</summary>
    public async Task<IReadOnlyDictionary<string, ResourceLink>> LinksAsync(string app, AppManifest manifest, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (manifest.Resources.Count == 0)
        {
            return ResourceLink.None;
        }

        var links = new Dictionary<string, ResourceLink>(StringComparer.Ordinal);
        foreach (var record in await state.Resources.ListAsync(app, ct))
        {
            if (manifest.Resources.TryGetValue(record.Name, out var resource) && resource.Type == record.Type)
            {
                links[record.Name] = ResourceKinds.For(record.Type).Link(record.Name, await vault.OpenAsync(record, ct));
            }
        }

        return links;
    }
}
