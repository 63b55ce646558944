using System.Text;

namespace Wharf.Storage;

/// <summary>Which state, blob and key implementations the server uses, bound from the "Storage" configuration section.</summary>
public sealed record StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The directory for the SQLite file (state.db), file blobs (blobs/) and the local key (keys/kek.key).</summary>
    public string DataDirectory { get; init; } = "";

    /// <summary>"sqlite" or "postgres".</summary>
    public string State { get; init; } = "sqlite";

    public string? PostgresConnectionString { get; init; }

    /// <summary>"filesystem" or "s3".</summary>
    public string Blobs { get; init; } = "filesystem";

    public S3Options S3 { get; init; } = new();

    /// <summary>"local": a key file on this machine.</summary>
    public string Keys { get; init; } = "local";

    /// <summary>
    /// Overrides DATA/keys/kek.key. Keeping the key outside the data directory means a leaked backup of the data
    /// directory does not carry the key that opens its secrets.
    /// </summary>
    public string? KeyFile { get; init; }

    // The connection string usually carries a password; never print it.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"DataDirectory = {DataDirectory}, State = {State}, ");
        builder.Append($"PostgresConnectionString = {(PostgresConnectionString is null ? "" : "***")}, ");
        builder.Append($"Blobs = {Blobs}, S3 = {S3}, Keys = {Keys}, KeyFile = {KeyFile}");
        return true;
    }
}
