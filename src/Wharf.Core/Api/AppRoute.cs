namespace Wharf.Core.Api;

/// <summary>Where one public service of an app answers through the router.</summary>
/// <param name="Service">The service, as named in wharf.yml.</param>
/// <param name="Url">e.g. "http://web.hello.localhost:8080/", or "https://shop.example.com/" for a <c>domain:</c> entry.</param>
public sealed record AppRoute(string Service, string Url);
