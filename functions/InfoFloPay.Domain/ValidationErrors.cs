namespace InfoFloPay.Domain;

/// <summary>Collects validation messages per field so a caller learns everything wrong with a request at once.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    /// <summary>Parses an enum written as a lower-case (kebab-case) string; an unknown value names the field.</summary>
    public TEnum? Enum<TEnum>(string field, string? value, bool required)
        where TEnum : struct, Enum
    {
        if (value is null)
        {
            if (required)
            {
                Add(field, $"The {field} field is required.");
            }

            return null;
        }

        if (EnumText.TryParse<TEnum>(value, out var parsed))
        {
            return parsed;
        }

        Add(field, $"'{value}' is not a valid {field}; expected one of: {string.Join(", ", EnumText.Names<TEnum>())}.");
        return null;
    }

    public void ThrowIfAny()
    {
        if (!IsEmpty)
        {
            throw RequestRejectedException.Validation(this);
        }
    }

    public Dictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
}
