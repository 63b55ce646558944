using System.Text.Json;
using System.Text.Json.Serialization;
using Wharf.Core.Api;

namespace Wharf.Cli.Client;

/// <summary>
/// Source-generated JSON metadata for what every deploy reads (app, deployment, problem details): the
/// reflection serializer emits and compiles code for each type on first use, which a short-lived CLI process pays
/// for on every run. Other types still go through reflection (<see cref="ApiJson.Options"/> falls back to it).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AppInfo))]
[JsonSerializable(typeof(DeploymentInfo))]
[JsonSerializable(typeof(WhoAmI))]
[JsonSerializable(typeof(ProblemDetailsBody))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
