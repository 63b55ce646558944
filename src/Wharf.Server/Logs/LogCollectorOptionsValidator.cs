using Microsoft.Extensions.Options;
using Wharf.Core.Logs;

namespace Wharf.Server.Logs;

/// <summary>Refuses to start with collector settings that make no sense, naming each bad setting.</summary>
public sealed class LogCollectorOptionsValidator : IValidateOptions<LogCollectorOptions>
{
    public ValidateOptionsResult Validate(string? name, LogCollectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
