namespace Wharf.Cli.Context;

/// <summary>A build context packed into a tar file on disk, ready to upload.</summary>
/// <param name="TarPath">The temporary tar file; deleted on dispose.</param>
/// <param name="Digest">"sha256:" and the hex SHA-256 of the tar's bytes: the same tree gives the same digest.</param>
/// <param name="Files">How many files (not directories) the tar holds.</param>
internal sealed record PackedContext(string TarPath, long Length, string Digest, int Files) : IDisposable
{
    public void Dispose()
    {
        try
        {
            File.Delete(TarPath);
        }
        catch (IOException)
        {
            // A temp file left behind is harmless; the OS clears temp eventually.
        }
    }
}
