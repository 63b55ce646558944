namespace Wharf.Core.Releases;

/// <summary>
/// One step of a line diff. <paramref name="Old"/> and <paramref name="New"/> are 0-based positions in the old
/// and new text: the line kept, deleted or inserted, and for the side a step does not consume, the next line there.
/// </summary>
public readonly record struct LineEdit(LineEditKind Kind, int Old, int New);
