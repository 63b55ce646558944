using Microsoft.Extensions.Options;
using Wharf.Core.Routing;

namespace Wharf.Server.Startup;

/// <summary>Refuses to start with routing settings that make no sense, naming each bad setting.</summary>
public sealed class RoutingOptionsValidator : IValidateOptions<RoutingOptions>
{
    public ValidateOptionsResult Validate(string? name, RoutingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
