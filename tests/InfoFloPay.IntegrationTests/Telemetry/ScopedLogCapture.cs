using Microsoft.Extensions.Logging;

namespace InfoFloPay.IntegrationTests.Telemetry;

/// <summary>A logger provider that keeps every line with the values of the scopes around it, as an exporter sees them.</summary>
internal sealed class ScopedLogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly List<LoggedLine> _entries = [];
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<LoggedLine> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(ScopedLogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => capture._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new Dictionary<string, object?>(StringComparer.Ordinal);
            capture._scopes.ForEachScope(
                (scope, values) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object>> pairs)
                    {
                        foreach (var (key, value) in pairs)
                        {
                            values[key] = value;
                        }
                    }
                },
                scopes);
            lock (capture._entries)
            {
                capture._entries.Add(new LoggedLine(category, formatter(state, exception), scopes, logLevel));
            }
        }
    }
}

internal sealed record LoggedLine(string Category, string Message, IReadOnlyDictionary<string, object?> Scopes, LogLevel Level)
{
    public object? Scope(string key) => Scopes.TryGetValue(key, out var value) ? value : null;
}
