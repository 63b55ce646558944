using System.Reflection;
using Wharf.Cli.Client;

namespace Wharf.Cli.Tests.Unit;

/// <summary>
/// The native client has no reflection-based JSON: every type it reads or writes must be in ApiJsonContext. These
/// walk the typed client, so a new route whose answer or body is missing fails here, not in a user's terminal.
/// </summary>
public sealed class ApiJsonTests
{
    private static readonly IEnumerable<MethodInfo> _routes =
        typeof(WharfClient).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsGenericMethodDefinition);

    public static TheoryData<string> Answers()
    {
        var data = new TheoryData<string>();
        foreach (var route in _routes)
        {
            if (route.ReturnType is { IsGenericType: true } task && task.GetGenericTypeDefinition() == typeof(Task<>)
                && task.GetGenericArguments()[0] != typeof(HttpResponseMessage))
            {
                data.Add(route.Name);
            }
        }

        return data;
    }

    public static TheoryData<string> Bodies()
    {
        var data = new TheoryData<string>();
        foreach (var route in _routes.Where(r => r.GetParameters().Any(p => IsBody(p.ParameterType))))
        {
            data.Add(route.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Answers))]
    public void Answer_OfEveryRoute_HasGeneratedMetadata(string route)
    {
        foreach (var method in _routes.Where(m => m.Name == route))
        {
            var answer = method.ReturnType.GetGenericArguments()[0];
            Assert.NotNull(ApiJson.Options.GetTypeInfo(answer));
        }
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Body_OfEveryRoute_HasGeneratedMetadata(string route)
    {
        foreach (var parameter in _routes.Where(m => m.Name == route).SelectMany(m => m.GetParameters()).Where(p => IsBody(p.ParameterType)))
        {
            Assert.NotNull(ApiJson.Options.GetTypeInfo(parameter.ParameterType));
        }
    }

    [Fact]
    public void Info_TypeMissingFromTheContext_ThrowsInsteadOfFallingBackToReflection() =>
        Assert.Throws<NotSupportedException>(() => ApiJson.Info<Uri[]>());

    [Fact]
    public void Indented_Dto_WritesWebNamesOnSeveralLines()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(
            new Core.Api.CreateAppRequest("web"), ApiJson.Info<Core.Api.CreateAppRequest>(ApiJson.Indented));

        Assert.Equal("{\n  \"name\": \"web\"\n}", json.ReplaceLineEndings("\n"));
    }

    /// <summary>A request body: an API DTO or the scale counts, not a name, a number, a stream or the logs' query string.</summary>
    private static bool IsBody(Type type) =>
        (type.Namespace == "Wharf.Core.Api" && type != typeof(Core.Api.LogRequest)) || type == typeof(IReadOnlyDictionary<string, int>);
}
