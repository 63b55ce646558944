namespace Wharf.Core.Deployments;

/// <summary>
/// A deployment step failed for a reason the user can act on (a manifest error, a failing build, a process that
/// exits before listening). The message becomes the deployment's Error as it is: a sentence, then the last lines.
/// </summary>
public sealed class DeploymentFailedException : Exception
{
    public DeploymentFailedException()
    {
    }

    public DeploymentFailedException(string message)
        : base(message)
    {
    }

    public DeploymentFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
