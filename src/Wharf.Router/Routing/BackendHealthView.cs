namespace Wharf.Router.Routing;

/// <summary>A backend's health at one moment, as the health checker plans its next check from it.</summary>
/// <param name="Failures">Failed checks in a row.</param>
/// <param name="CoolOffLeft">How long its ejection still runs; zero when it is not ejected.</param>
internal readonly record struct BackendHealthView(BackendPhase Phase, bool InRotation, int Failures, TimeSpan CoolOffLeft);
