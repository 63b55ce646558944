namespace Wharf.Runtime.Docker.Runtime;

/// <summary>
/// The labels every Wharf container carries. They are the runtime's only memory: a restarted server finds its
/// processes again by reading them back, so their names and values must never change meaning.
/// </summary>
internal static class ProcessLabels
{
    /// <summary>"1" on everything Wharf created; the runtime never touches a container without it.</summary>
    public const string Managed = "wharf.managed";

    public const string App = "wharf.app";

    public const string Service = "wharf.service";

    public const string Release = "wharf.release";

    /// <summary>service, oneoff or timer.</summary>
    public const string Kind = "wharf.kind";

    /// <summary>The timer's name, on timer processes only.</summary>
    public const string Timer = "wharf.timer";

    /// <summary>The port the process listens on, on processes that have one.</summary>
    public const string Port = "wharf.port";

    public const string ManagedValue = "1";
}
