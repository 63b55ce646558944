using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Wharf.Core.Auth;
using Wharf.Server.Errors;

namespace Wharf.Server.Auth;

/// <summary>Authenticates `Authorization: Bearer TOKEN` against the admin token and the minted tokens.</summary>
public sealed class BearerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    TokenAuthenticator authenticator,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "Bearer";

    private const string Prefix = "Bearer ";

    public const string UnauthorizedDetail =
        "The token is missing or unknown: run `wharf login URL` with a token from `wharf tokens create` "
        + "(the first one is DATA/admin.token on the server), or set WHARF_TOKEN.";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The Authorization header is not a bearer token.");
        }

        var actor = await authenticator.AuthenticateAsync(header[Prefix.Length..], Context.RequestAborted);
        return actor is null
            ? AuthenticateResult.Fail("The bearer token is unknown.")
            : AuthenticateResult.Success(new AuthenticationTicket(actor.ToPrincipal(SchemeName), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = SchemeName;
        await problems.WriteAsync(Problems.Context(Context, StatusCodes.Status401Unauthorized, "Unauthorized", UnauthorizedDetail));
    }
}
