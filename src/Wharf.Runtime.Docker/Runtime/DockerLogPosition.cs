using System.Globalization;

namespace Wharf.Runtime.Docker.Runtime;

/// <summary>
/// Where reading a container's log resumes: ask the engine for the entries from <see cref="SinceUnixNanos"/> on
/// (the engine's "since" keeps each entry whose own timestamp is not earlier) and skip the first
/// <see cref="Skip"/> of them, which were read already. Entries are not in timestamp order in the engine's file
/// (stdout and stderr are stamped before they are written, by two writers), so a position is a time some way before
/// the newest entry read plus a count, never "the last timestamp": that would lose an entry written after a later-stamped one.
/// </summary>
/// <param name="SinceUnixNanos">0: from the log's first entry.</param>
internal readonly record struct DockerLogPosition(long SinceUnixNanos, long Skip)
{
    private const string Prefix = "d1:";

    public static DockerLogPosition Start => new(0, 0);

    /// <summary>Reads a position written by <see cref="ToString"/>; null gives <see cref="Start"/>.</summary>
    /// <exception cref="FormatException">Not a position this reader wrote.</exception>
    public static DockerLogPosition Parse(string? text)
    {
        if (text is null)
        {
            return Start;
        }

        var parts = text.StartsWith(Prefix, StringComparison.Ordinal) ? text[Prefix.Length..].Split(':') : [];
        if (parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var since)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var skip))
        {
            return new DockerLogPosition(since, skip);
        }

        throw new FormatException($"'{text}' is not a position in a Docker container's log (expected {Prefix}SINCE:SKIP).");
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{SinceUnixNanos}:{Skip}");
}
