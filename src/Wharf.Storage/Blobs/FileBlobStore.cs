using Wharf.Core.Blobs;
using Wharf.Storage.IO;

namespace Wharf.Storage.Blobs;

/// <summary>
/// Blobs as files under one root directory. A put writes a temporary file beside the target and renames it over
/// the target, so readers see the whole old blob or the whole new one, and a crash leaves no half-written blob.
/// </summary>
internal sealed class FileBlobStore : IBlobStore
{
    private const int BufferSize = 81920;

    private readonly string _root;

    public FileBlobStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        _root = DurableFile.EnsureDirectory(root, null);
    }

    public string Name => "filesystem";

    public Task PutAsync(string key, Stream content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        return DurableFile.WriteAtomicAsync(PathFor(key), content, null, overwrite: true, ct);
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default)
    {
        var path = PathFor(key);
        try
        {
            // FileShare.Delete: a reader keeps its (old) blob while a put renames a new one over it.
            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, FileOptions.Asynchronous);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<bool> ExistsAsync(string key, CancellationToken ct = default) => Task.FromResult(File.Exists(PathFor(key)));

    public Task<bool> DeleteAsync(string key, CancellationToken ct = default)
    {
        var path = PathFor(key);
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }

        File.Delete(path);
        DurableFile.FsyncDirectory(Path.GetDirectoryName(path)!);
        return Task.FromResult(true);
    }

    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken ct = default)
    {
        BlobKey.ValidatePrefix(prefix);

        // Only the directory the prefix points into can hold matches; walking from there keeps listing cheap.
        var slash = prefix.LastIndexOf('/');
        var start = slash < 0 ? _root : Path.Combine(_root, prefix[..slash]);
        if (!Directory.Exists(start))
        {
            return Task.FromResult<IReadOnlyList<string>>([]);
        }

        var keys = Directory.EnumerateFiles(start, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(_root, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(key => key.StartsWith(prefix, StringComparison.Ordinal) && !IsTemporary(key))
            .Order(StringComparer.Ordinal)
            .ToList();
        return Task.FromResult<IReadOnlyList<string>>(keys);
    }

    private static bool IsTemporary(string key) => key.Split('/').Any(segment => segment.StartsWith('.'));

    private string PathFor(string key)
    {
        BlobKey.Validate(key);
        var path = Path.GetFullPath(Path.Combine(_root, key));

        // Belt and braces behind the key rules: nothing may resolve outside the root.
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Blob key '{key}' resolves outside the blob directory.", nameof(key));
        }

        return path;
    }
}
