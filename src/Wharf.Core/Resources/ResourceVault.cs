using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Wharf.Core.Crypto;

namespace Wharf.Core.Resources;

/// <summary>
/// Seals and opens resource credentials with the same envelope encryption as env. Each box is bound to its app
/// and resource, so credentials copied to another resource's row fail to open.
/// </summary>
public sealed class ResourceVault(EnvelopeCipher cipher)
{
    public async Task<SealedBox> SealAsync(string app, string name, ResourceCredentials credentials, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(credentials);
        try
        {
            return await cipher.SealAsync(plaintext, AssociatedData(app, name), ct);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    public async Task<ResourceCredentials> OpenAsync(ResourceRecord record, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var plaintext = await cipher.OpenAsync(record.Credentials, AssociatedData(record.App, record.Name), ct);
        try
        {
            return JsonSerializer.Deserialize<ResourceCredentials>(plaintext)
                ?? throw new SealedBoxTamperedException($"The credentials of resource '{record.Name}' of app '{record.App}' are empty.");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    public static byte[] AssociatedData(string app, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(app);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Encoding.UTF8.GetBytes($"wharf/resource/v1/{app}/{name}");
    }
}
