namespace Wharf.Core.Releases;

public enum LineEditKind
{
    Keep,
    Delete,
    Insert,
}
