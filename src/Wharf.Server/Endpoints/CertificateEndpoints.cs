using System.Security.Claims;
using Wharf.Core.Api;
using Wharf.Server.Auth;
using Wharf.Server.Certificates;

namespace Wharf.Server.Endpoints;

/// <summary>`wharf certs`: the TLS certificates the router serves for their hosts (admin only: they hold private keys).</summary>
public static class CertificateEndpoints
{
    public static IEndpointRouteBuilder MapCertificateEndpoints(this IEndpointRouteBuilder v1)
    {
        var certificates = v1.MapGroup("/certificates").RequireAuthorization(Policies.Admin);

        certificates.MapGet("", async (CertificateService service, CancellationToken ct) =>
            TypedResults.Ok(await service.ListAsync(ct)));

        certificates.MapPost("", async (ImportCertificateRequest request, ClaimsPrincipal user, CertificateService service, CancellationToken ct) =>
        {
            var certificate = await service.ImportAsync(user.RequireActor(), request, ct);
            return TypedResults.Created($"/v1/certificates/{certificate.Thumbprint}", certificate);
        });

        certificates.MapDelete("/{thumbprint}", async (string thumbprint, ClaimsPrincipal user, CertificateService service, CancellationToken ct) =>
        {
            await service.DeleteAsync(user.RequireActor(), thumbprint, ct);
            return TypedResults.NoContent();
        });

        return v1;
    }
}
