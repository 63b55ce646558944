using System.Security.Cryptography;
using Wharf.Storage.IO;

namespace Wharf.Storage.Keys;

/// <summary>
/// Loads the 32-byte local key, creating it on the first start. A key that others can read, or of the wrong size,
/// stops the server: running on would either leak every secret or make every sealed value unreadable.
/// </summary>
internal static class KeyFile
{
    public const int KeySize = 32;

    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public static byte[] LoadOrCreate(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        path = Path.GetFullPath(path);
        if (!File.Exists(path))
        {
            Create(path);
        }

        return Load(path);
    }

    private static void Create(string path)
    {
        DurableFile.EnsureDirectory(Path.GetDirectoryName(path)!, OwnerOnlyDirectory);
        var key = RandomNumberGenerator.GetBytes(KeySize);
        try
        {
            // Written whole under a temporary name with mode 0600 from the start, then linked into place without
            // overwriting: a second server starting at the same moment keeps the first one's key.
            DurableFile.WriteAtomic(path, key, OwnerOnlyFile, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first; Load reads theirs.
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static byte[] Load(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & GroupOrOther) != 0)
            {
                throw new InvalidOperationException(
                    $"The key file '{path}' can be accessed by other users (mode {Octal(mode)}). "
                    + $"Restrict it with 'chmod 600 {path}' and start again; if others may have copied it, treat the key as leaked.");
            }
        }

        var key = File.ReadAllBytes(path);
        if (key.Length != KeySize)
        {
            CryptographicOperations.ZeroMemory(key);
            throw new InvalidOperationException(
                $"The key file '{path}' holds {key.Length} bytes, but a Wharf key is exactly {KeySize} random bytes. "
                + "Restore the original file from a backup; replacing it makes every stored secret unreadable.");
        }

        return key;
    }

    private static string Octal(UnixFileMode mode) => "0" + Convert.ToString((int)mode, 8);
}
