namespace Wharf.Core.Processes;

/// <summary>Audit action names of formation, process and timer changes.</summary>
public static class ProcessAuditActions
{
    public const string FormationScale = "formation.scale";
    public const string ProcessesStop = "processes.stop";
    public const string ProcessesRestart = "processes.restart";
    public const string ProcessesRun = "processes.run";
    public const string ProcessesExec = "processes.exec";
}
