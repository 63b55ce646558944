using System.Text.Json;
using System.Text.Json.Serialization;
using Wharf.Cli.Config;
using Wharf.Core.Api;

namespace Wharf.Cli.Client;

/// <summary>
/// Source-generated JSON metadata for every type the CLI reads or writes: the API's answers and requests, the
/// NDJSON lines of logs and one-off processes, and the CLI's own config file. The CLI has no reflection-based
/// JSON at all, which its native (ahead-of-time compiled) build needs; a type missing here fails
/// <c>ApiJsonTests</c> and, at run time, the command that uses it.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AppInfo))]
[JsonSerializable(typeof(List<AppInfo>))]
[JsonSerializable(typeof(CreateAppRequest))]
[JsonSerializable(typeof(AppMetricsInfo))]
[JsonSerializable(typeof(AuditEventInfo))]
[JsonSerializable(typeof(List<AuditEventInfo>))]
[JsonSerializable(typeof(BuildInfo))]
[JsonSerializable(typeof(List<BuildInfo>))]
[JsonSerializable(typeof(CertificateInfo))]
[JsonSerializable(typeof(List<CertificateInfo>))]
[JsonSerializable(typeof(ImportCertificateRequest))]
[JsonSerializable(typeof(DeploymentInfo))]
[JsonSerializable(typeof(List<DeploymentInfo>))]
[JsonSerializable(typeof(EnvInfo))]
[JsonSerializable(typeof(EnvChangeRequest))]
[JsonSerializable(typeof(EnvChangeResult))]
[JsonSerializable(typeof(FormationInfo))]
[JsonSerializable(typeof(List<FormationInfo>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, int>))]
[JsonSerializable(typeof(LogForwardInfo))]
[JsonSerializable(typeof(LogLineInfo))]
[JsonSerializable(typeof(ProcessInfo))]
[JsonSerializable(typeof(List<ProcessInfo>))]
[JsonSerializable(typeof(ProcessStreamEvent))]
[JsonSerializable(typeof(RunRequest))]
[JsonSerializable(typeof(ExecRequest))]
[JsonSerializable(typeof(ReleaseInfo))]
[JsonSerializable(typeof(List<ReleaseInfo>))]
[JsonSerializable(typeof(ReleaseDiff))]
[JsonSerializable(typeof(ResourceInfo))]
[JsonSerializable(typeof(List<ResourceInfo>))]
[JsonSerializable(typeof(ResourceUrlInfo))]
[JsonSerializable(typeof(ResourceImportResult))]
[JsonSerializable(typeof(RestartInfo))]
[JsonSerializable(typeof(TimerInfo))]
[JsonSerializable(typeof(List<TimerInfo>))]
[JsonSerializable(typeof(TokenInfo))]
[JsonSerializable(typeof(List<TokenInfo>))]
[JsonSerializable(typeof(CreateTokenRequest))]
[JsonSerializable(typeof(WhoAmI))]
[JsonSerializable(typeof(ProblemDetailsBody))]
[JsonSerializable(typeof(CliConfig))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
