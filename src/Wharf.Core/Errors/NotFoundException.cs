namespace Wharf.Core.Errors;

/// <summary>The thing asked for does not exist (an app, a release, a build, a token).</summary>
public sealed class NotFoundException : WharfException
{
    public NotFoundException()
    {
    }

    public NotFoundException(string message)
        : base(message)
    {
    }

    public NotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static NotFoundException App(string app) =>
        new($"App '{app}' does not exist: run `wharf apps` to see the apps, or `wharf apps create {app}`.");
}
