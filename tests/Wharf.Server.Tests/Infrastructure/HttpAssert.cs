using System.Net;
using System.Net.Http.Json;

namespace Wharf.Server.Tests.Infrastructure;

public static class HttpAssert
{
    /// <summary>Asserts an RFC 7807 answer with this status and returns it.</summary>
    public static async Task<ProblemBody> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemBody>();
        Assert.NotNull(problem);
        Assert.Equal((int)status, problem.Status);
        Assert.False(string.IsNullOrWhiteSpace(problem.Title));
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail));
        return problem;
    }

    /// <summary>Asserts a success with this status and returns the body as <typeparamref name="T"/>.</summary>
    public static async Task<T> OkAsync<T>(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }
}
