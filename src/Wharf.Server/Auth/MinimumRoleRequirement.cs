using Microsoft.AspNetCore.Authorization;
using Wharf.Core.Auth;

namespace Wharf.Server.Auth;

public sealed record MinimumRoleRequirement(Role Role) : IAuthorizationRequirement;
