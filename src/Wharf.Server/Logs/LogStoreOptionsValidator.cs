using Microsoft.Extensions.Options;
using Wharf.Storage.Logs;

namespace Wharf.Server.Logs;

/// <summary>Refuses to start with log store settings that make no sense, naming each bad setting.</summary>
public sealed class LogStoreOptionsValidator(ServerOptions server) : IValidateOptions<LogStoreOptions>
{
    /// <summary>The options as used: without a directory of their own, DATA/logs.</summary>
    public static LogStoreOptions Effective(LogStoreOptions configured, ServerOptions server)
    {
        ArgumentNullException.ThrowIfNull(configured);
        ArgumentNullException.ThrowIfNull(server);
        return string.IsNullOrWhiteSpace(configured.Directory)
            ? configured with { Directory = Path.Combine(server.DataDirectory, "logs") }
            : configured;
    }

    public ValidateOptionsResult Validate(string? name, LogStoreOptions options)
    {
        var problems = Effective(options, server).Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
