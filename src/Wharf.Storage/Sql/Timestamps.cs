namespace Wharf.Storage.Sql;

/// <summary>
/// Both backends keep UTC to the microsecond (PostgreSQL's resolution), so a value read back equals the one
/// written no matter which backend is configured.
/// </summary>
internal static class Timestamps
{
    public static DateTimeOffset ToStored(DateTimeOffset value)
    {
        var utcTicks = value.UtcTicks;
        return new DateTimeOffset(utcTicks - (utcTicks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
    }
}
