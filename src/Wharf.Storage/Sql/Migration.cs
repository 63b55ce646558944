namespace Wharf.Storage.Sql;

/// <summary>One schema step. Versions start at 1 and have no gaps; a released migration is never edited, only followed.</summary>
internal sealed record Migration(int Version, string Description, string Sql);
