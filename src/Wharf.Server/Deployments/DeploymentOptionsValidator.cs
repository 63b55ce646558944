using Microsoft.Extensions.Options;
using Wharf.Core.Deployments;

namespace Wharf.Server.Deployments;

/// <summary>Refuses to start with deployment limits that make no sense, naming each bad setting.</summary>
public sealed class DeploymentOptionsValidator : IValidateOptions<DeploymentOptions>
{
    public ValidateOptionsResult Validate(string? name, DeploymentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
