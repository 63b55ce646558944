namespace Wharf.Core.Api;

/// <summary>
/// One line of the NDJSON stream answered by GET /v1/apps/{app}/logs and GET /v1/logs/system:
/// <c>{"time":"2026-05-01T10:00:00.1234567+00:00","source":"stdout","service":"web","process":"3f2a9c0d1e2b","release":4,"text":"GET / 200"}</c>.
/// </summary>
/// <param name="Source">"stdout", "stderr", "build" or "event".</param>
/// <param name="Process">The process that wrote it; "build-N" for build output; absent for events of no single process.</param>
/// <param name="Text">The line without its ending; in the platform's log, events of an app start with "[APP] ".</param>
public sealed record LogLineInfo(DateTimeOffset Time, string Source, string? Service, string? Process, int? Release, string Text);
