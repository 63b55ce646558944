using System.Security.Cryptography;
using System.Text.Json;
using Wharf.Core.Crypto;
using Wharf.Core.State;

namespace Wharf.Core.Config;

/// <summary>
/// Seals and opens env versions. Plaintext exists only in memory here, its bytes are wiped after use, and each
/// version is bound to its app and number so a sealed value moved elsewhere fails to open.
/// </summary>
public sealed class EnvVault(IStateStore state, EnvelopeCipher cipher)
{
    public async Task<SealedBox> SealAsync(string app, int version, IReadOnlyDictionary<string, string> values, CancellationToken ct = default)
    {
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(new SortedDictionary<string, string>(values.ToDictionary(), StringComparer.Ordinal));
        try
        {
            return await cipher.SealAsync(plaintext, EnvelopeCipher.EnvAssociatedData(app, version), ct);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    public async Task<SortedDictionary<string, string>> OpenAsync(EnvVersion version, CancellationToken ct = default)
    {
        var plaintext = await cipher.OpenAsync(version.Sealed, EnvelopeCipher.EnvAssociatedData(version.App, version.Version), ct);
        try
        {
            var values = JsonSerializer.Deserialize<Dictionary<string, string>>(plaintext) ?? [];
            return new SortedDictionary<string, string>(values, StringComparer.Ordinal);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>The values of one env version; empty for null (no config yet).</summary>
    public async Task<SortedDictionary<string, string>> ReadAsync(string app, int? version, CancellationToken ct = default)
    {
        if (version is null)
        {
            return new SortedDictionary<string, string>(StringComparer.Ordinal);
        }

        var stored = await state.Env.GetAsync(app, version.Value, ct)
            ?? throw new InvalidOperationException($"Env version {version} of app '{app}' is referenced but missing from the state store.");
        return await OpenAsync(stored, ct);
    }
}
