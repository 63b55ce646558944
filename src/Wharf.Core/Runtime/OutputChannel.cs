namespace Wharf.Core.Runtime;

public enum OutputChannel
{
    Stdout,
    Stderr,
}
