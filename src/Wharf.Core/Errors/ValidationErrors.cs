namespace Wharf.Core.Errors;

/// <summary>Collects every problem with an input before failing, so they are reported together.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            messages = [];
            _errors[field] = messages;
        }

        messages.Add(message);
    }

    /// <summary>Throws a <see cref="WharfValidationException"/> carrying every problem, when there is any.</summary>
    public void ThrowIfAny()
    {
        if (IsEmpty)
        {
            return;
        }

        var all = _errors.SelectMany(e => e.Value).ToList();
        var message = all.Count == 1 ? all[0] : $"The request has {all.Count} problems: {string.Join(" ", all)}";
        throw new WharfValidationException(
            message,
            _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
    }
}
