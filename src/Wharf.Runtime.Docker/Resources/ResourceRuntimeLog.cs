using Microsoft.Extensions.Logging;

namespace Wharf.Runtime.Docker.Resources;

/// <summary>The resource runtime's log lines: container and volume names, never an environment or a command's output.</summary>
internal static partial class ResourceRuntimeLog
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Started resource container {Container} from {Image}, data in volume {Volume}")]
    public static partial void Started(ILogger logger, string container, string image, string volume);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Removed resource container {Container}")]
    public static partial void Removed(ILogger logger, string container);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Information, Message = "Removed resource data volume {Volume}")]
    public static partial void DataRemoved(ILogger logger, string volume);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Information, Message = "Pulled image {Image}")]
    public static partial void Pulled(ILogger logger, string image);
}
