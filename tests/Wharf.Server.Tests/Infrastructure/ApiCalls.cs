using System.Net;
using System.Net.Http.Json;
using Wharf.Core.Api;

namespace Wharf.Server.Tests.Infrastructure;

/// <summary>The API calls tests make over and over, asserting they succeed.</summary>
public static class ApiCalls
{
    public static string NewAppName(string prefix = "app") => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)];

    public static async Task<AppInfo> CreateAppAsync(this HttpClient client, string name) =>
        await HttpAssert.OkAsync<AppInfo>(await client.PostAsJsonAsync("/v1/apps", new CreateAppRequest(name)), HttpStatusCode.Created);

    public static async Task<EnvChangeResult> SetEnvAsync(this HttpClient client, string app, Dictionary<string, string>? set, params string[] unset) =>
        await HttpAssert.OkAsync<EnvChangeResult>(
            await client.PatchAsJsonAsync($"/v1/apps/{app}/env", new EnvChangeRequest(set, unset)),
            HttpStatusCode.Created);

    public static Task<HttpResponseMessage> PatchEnvAsync(this HttpClient client, string app, Dictionary<string, string>? set, params string[] unset) =>
        client.PatchAsJsonAsync($"/v1/apps/{app}/env", new EnvChangeRequest(set, unset));
}
