namespace Wharf.Runtime.Docker.Engine.Http;

/// <summary>One Engine API call, described before the version prefix and socket are known.</summary>
internal sealed record DockerRequest(HttpMethod Method, string Path)
{
    public DockerQuery? Query { get; init; }

    public HttpContent? Content { get; init; }

    /// <summary>Extra request headers (X-Registry-Auth for push).</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>
    /// How long until the response headers must have arrived (and, for buffered calls, the body).
    /// Null means the client's request timeout; <see cref="Timeout.InfiniteTimeSpan"/> means only the caller's token.
    /// </summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Time added to the client's request timeout: a stop's grace period, during which the engine is silent.</summary>
    public TimeSpan ExtraTime { get; init; }

    public static DockerRequest Get(string path, DockerQuery? query = null) => new(HttpMethod.Get, path) { Query = query };

    public static DockerRequest Post(string path, DockerQuery? query = null, HttpContent? content = null) =>
        new(HttpMethod.Post, path) { Query = query, Content = content };

    public static DockerRequest Delete(string path, DockerQuery? query = null) => new(HttpMethod.Delete, path) { Query = query };

    public override string ToString() => $"{Method} /{Path}{Query}";
}
