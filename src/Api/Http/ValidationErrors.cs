namespace Mimo.Api.Http;

/// <summary>Collects validation messages per request field, in the shape of a ValidationProblem.</summary>
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

    /// <summary>The first message, for places that show one line per failure (import results).</summary>
    public string? FirstMessage => _errors.Values.FirstOrDefault()?.FirstOrDefault();

    public Dictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
