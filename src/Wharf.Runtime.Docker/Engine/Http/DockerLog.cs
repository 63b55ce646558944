using Microsoft.Extensions.Logging;

namespace Wharf.Runtime.Docker.Engine.Http;

internal static partial class DockerLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Docker engine {EngineVersion} at {Endpoint} speaks API {ServerApiVersion}; using API {ApiVersion}")]
    public static partial void ApiNegotiated(ILogger logger, string engineVersion, string endpoint, string serverApiVersion, string apiVersion);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Docker {Request} answered {StatusCode}: {EngineMessage}")]
    public static partial void RequestFailed(ILogger logger, DockerRequest request, int statusCode, string? engineMessage);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Docker engine at {Endpoint} is not reachable")]
    public static partial void Unreachable(ILogger logger, string endpoint, Exception exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Built image {ImageId} tagged {Tags}")]
    public static partial void ImageBuilt(ILogger logger, string imageId, string tags);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Image build of {Tags} failed at {Step}: {Error}")]
    public static partial void ImageBuildFailed(ILogger logger, string tags, string? step, string error);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "Docker {Request} answered {StatusCode} in {Milliseconds:0.0} ms")]
    public static partial void Answered(ILogger logger, DockerRequest request, int statusCode, double milliseconds);
}
