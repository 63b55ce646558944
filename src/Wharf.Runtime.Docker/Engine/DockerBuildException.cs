namespace Wharf.Runtime.Docker.Engine;

/// <summary>An image build failed inside the build (a RUN step, a missing file), not in the request.</summary>
public sealed class DockerBuildException : DockerEngineException
{
    public DockerBuildException()
    {
    }

    public DockerBuildException(string message)
        : base(message)
    {
    }

    public DockerBuildException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DockerBuildException(string message, string errorLine, string? step, IReadOnlyList<string> lastLines)
        : base(message, 0, errorLine)
    {
        ErrorLine = errorLine;
        Step = step;
        LastLines = lastLines;
    }

    /// <summary>The engine's error, e.g. "The command '/bin/sh -c make' returned a non-zero code: 2".</summary>
    public string ErrorLine { get; } = "";

    /// <summary>The step that failed as the builder printed it ("Step 3/7 : RUN make"), when known.</summary>
    public string? Step { get; }

    /// <summary>The build output just before the failure, oldest first: what a user needs to see why.</summary>
    public IReadOnlyList<string> LastLines { get; } = [];
}
