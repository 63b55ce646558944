namespace Wharf.Storage.Logs;

internal enum AppLogRequestKind
{
    Append,
    Retention,
    Delete,
}
