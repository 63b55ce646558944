namespace Wharf.Router.Listeners;

/// <summary>Marks a connection accepted on the control socket, so its requests go to the control endpoints.</summary>
internal sealed class ControlConnectionFeature
{
    public static ControlConnectionFeature Instance { get; } = new();

    private ControlConnectionFeature()
    {
    }
}
