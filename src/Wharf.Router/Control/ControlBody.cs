using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace Wharf.Router.Control;

/// <summary>Reads a control request's JSON body; what is wrong with it becomes a 400 problem, not an exception.</summary>
internal static class ControlBody
{
    /// <param name="what">What the body should be, for the sentence: "a route table".</param>
    /// <param name="quoteParser">Say what the JSON parser said; off for bodies holding secrets (its words can quote the body).</param>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> type, string what, bool quoteParser, CancellationToken ct)
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync(request.Body, type, ct);
            return value is null
                ? (default, BadRequest($"The request body must be {what} as JSON, not null."))
                : (value, null);
        }
        catch (JsonException e)
        {
            // The parser's message names the path and position; without it, the path alone says where.
            var detail = quoteParser
                ? $": {e.Message}"
                : $" (at {e.Path ?? "$"}): check the field names and types.";
            return (default, BadRequest($"The request body is not valid JSON for {what}{detail}"));
        }
    }

    public static IResult BadRequest(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "The request is invalid.");
}
