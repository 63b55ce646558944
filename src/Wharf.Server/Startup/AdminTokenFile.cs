using Wharf.Core.Auth;

namespace Wharf.Server.Startup;

/// <summary>DATA/admin.token: the first credential, made on first start, readable by the server's user only.</summary>
public sealed class AdminTokenFile(ServerOptions options)
{
    public const string FileName = "admin.token";

    public string Path { get; } = System.IO.Path.Combine(options.DataDirectory, FileName);

    /// <summary>Creates the file with a fresh secret when missing; true when this call created it.</summary>
    public bool EnsureCreated() => !File.Exists(Path) && OwnerOnlyFiles.TryCreate(Path, TokenSecrets.NewSecret() + "\n");

    /// <summary>True when users other than the owner may access the file.</summary>
    public bool IsTooOpen() => !OperatingSystem.IsWindows() && (File.GetUnixFileMode(Path) & OwnerOnlyFiles.GroupOrOther) != 0;

    public AdminToken Load()
    {
        var secret = File.ReadAllText(Path).Trim();
        if (secret.Length == 0)
        {
            throw new ServerStartupException($"The admin token file '{Path}' is empty: delete it and start the server again to make a new one.");
        }

        return AdminToken.FromSecret(secret);
    }
}
