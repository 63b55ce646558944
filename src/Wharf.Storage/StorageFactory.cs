using Wharf.Core.Blobs;
using Wharf.Core.Crypto;
using Wharf.Core.State;
using Wharf.Storage.Blobs;
using Wharf.Storage.Keys;
using Wharf.Storage.Postgres;
using Wharf.Storage.Sqlite;

namespace Wharf.Storage;

/// <summary>
/// Picks the state, blob and key implementations by name. <see cref="Validate"/> reports every problem at once so
/// the server can refuse to start with the full list; the Create methods throw on their own section's problems.
/// </summary>
public static class StorageFactory
{
    private static readonly string[] _stateNames = ["sqlite", "postgres"];
    private static readonly string[] _blobNames = ["filesystem", "s3"];
    private static readonly string[] _keyNames = ["local"];

    public static IReadOnlyList<string> Validate(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [.. StateProblems(options), .. BlobProblems(options), .. KeyProblems(options)];
    }

    public static IStateStore CreateState(StorageOptions options)
    {
        ThrowIfAny(StateProblems(options));
        return Normalize(options.State) switch
        {
            "postgres" => new PostgresStateStore(options.PostgresConnectionString!),
            _ => new SqliteStateStore(Path.Combine(options.DataDirectory, "state.db")),
        };
    }

    public static IBlobStore CreateBlobs(StorageOptions options)
    {
        ThrowIfAny(BlobProblems(options));
        return Normalize(options.Blobs) switch
        {
            "s3" => new S3BlobStore(options.S3),
            _ => new FileBlobStore(Path.Combine(options.DataDirectory, "blobs")),
        };
    }

    public static IKeyEncryptionKey CreateKey(StorageOptions options)
    {
        ThrowIfAny(KeyProblems(options));
        return new LocalKeyFileKey(KeyFilePath(options));
    }

    private static string KeyFilePath(StorageOptions options) =>
        string.IsNullOrWhiteSpace(options.KeyFile) ? Path.Combine(options.DataDirectory, "keys", "kek.key") : options.KeyFile;

    private static List<string> StateProblems(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        switch (Normalize(options.State))
        {
            case "sqlite":
                RequireDataDirectory(options, "the SQLite state file (state.db)", problems);
                break;
            case "postgres" when string.IsNullOrWhiteSpace(options.PostgresConnectionString):
                problems.Add("Storage:State is 'postgres' but Storage:PostgresConnectionString is empty; set it to an Npgsql connection string, e.g. 'Host=db;Username=wharf;Password=...;Database=wharf'.");
                break;
            case "postgres":
                break;
            default:
                problems.Add(UnknownName("State", options.State, _stateNames));
                break;
        }

        return problems;
    }

    private static List<string> BlobProblems(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        switch (Normalize(options.Blobs))
        {
            case "filesystem":
                RequireDataDirectory(options, "file blobs (blobs/)", problems);
                break;
            case "s3":
                problems.AddRange(S3OptionsValidator.Problems(options.S3));
                break;
            default:
                problems.Add(UnknownName("Blobs", options.Blobs, _blobNames));
                break;
        }

        return problems;
    }

    private static List<string> KeyProblems(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (Normalize(options.Keys) != "local")
        {
            problems.Add(UnknownName("Keys", options.Keys, _keyNames));
        }
        else if (string.IsNullOrWhiteSpace(options.KeyFile))
        {
            RequireDataDirectory(options, "the local key file (keys/kek.key)", problems);
        }

        return problems;
    }

    private static void RequireDataDirectory(StorageOptions options, string purpose, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            problems.Add($"Storage:DataDirectory is empty, but {purpose} lives there; set it to the directory where Wharf keeps its data, e.g. '/var/lib/wharf'.");
        }
    }

    private static string UnknownName(string setting, string? value, string[] valid) =>
        $"Storage:{setting} is '{value}', which is not a known implementation; use one of: {string.Join(", ", valid)}.";

    private static string Normalize(string? name) => (name ?? "").Trim().ToLowerInvariant();

    private static void ThrowIfAny(List<string> problems)
    {
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }
    }
}
