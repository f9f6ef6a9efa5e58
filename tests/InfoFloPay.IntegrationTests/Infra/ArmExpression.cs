using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace InfoFloPay.IntegrationTests.Infra;

/// <summary>
/// Evaluates the subset of ARM template expressions that compiled Bicep uses for names, loops and settings
/// (parameters, variables, copyIndex, format, resourceId, createObject, union, ...). Anything that depends on the
/// deployment (reference, uniqueString, guid, ...) evaluates to <see cref="Unknown"/> carrying its text.
/// </summary>
public static class ArmExpression
{
    public static object? Evaluate(JsonNode? node, TemplateScope scope) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(p => p.Key, p => Evaluate(p.Value, scope), StringComparer.Ordinal),
        JsonArray array => array.Select(item => Evaluate(item, scope)).ToList(),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => EvaluateString(value.GetValue<string>(), scope),
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
        JsonValue value when value.TryGetValue<long>(out var number) => number,
        JsonValue value => value.ToJsonString(),
        _ => throw new InvalidOperationException("Unexpected JSON node " + node),
    };

    public static object? EvaluateString(string text, TemplateScope scope)
    {
        if (text.StartsWith("[[", StringComparison.Ordinal))
        {
            return text[1..];
        }

        if (text.Length >= 2 && text[0] == '[' && text[^1] == ']')
        {
            var inner = text[1..^1];
            return Eval(new Parser(inner).ParseAll(), inner, scope);
        }

        return text;
    }

    /// <summary>Text for a value inside a string: unknown parts show as their expression.</summary>
    public static string Render(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        long n => n.ToString(CultureInfo.InvariantCulture),
        Unknown u => u.ToString(),
        _ => JsonSerializer.Serialize(value),
    };

    private abstract record Node(int Start, int End);

    private sealed record Literal(object? Value, int Start, int End) : Node(Start, End);

    private sealed record Call(string Name, IReadOnlyList<Node> Arguments, int Start, int End) : Node(Start, End);

    private sealed record Member(Node Target, string Name, int Start, int End) : Node(Start, End);

    private sealed record Index(Node Target, Node Key, int Start, int End) : Node(Start, End);

    private static object? Eval(Node node, string source, TemplateScope scope)
    {
        string Text(Node n) => source[n.Start..n.End];
        object? Arg(Call call, int i) => Eval(call.Arguments[i], source, scope);

        switch (node)
        {
            case Literal literal:
                return literal.Value;
            case Member member:
                return Eval(member.Target, source, scope) is Dictionary<string, object?> members
                    && members.FirstOrDefault(p => string.Equals(p.Key, member.Name, StringComparison.OrdinalIgnoreCase)) is { Key: not null } hit
                    ? hit.Value
                    : new Unknown(Text(member));
            case Index index:
                var target = Eval(index.Target, source, scope);
                var key = Eval(index.Key, source, scope);
                return (target, key) switch
                {
                    (List<object?> list, long i) when i >= 0 && i < list.Count => list[(int)i],
                    (Dictionary<string, object?> entries, string k) when entries.TryGetValue(k, out var v) => v,
                    _ => new Unknown(Text(index)),
                };
            case Call call:
                var args = call.Arguments.Count;
                switch (call.Name.ToLowerInvariant())
                {
                    case "parameters":
                        return scope.Parameter((string)Arg(call, 0)!);
                    case "variables":
                        return scope.Variable((string)Arg(call, 0)!);
                    case "copyindex" when args == 0:
                        return scope.CopyIndex is { } copyIndex ? copyIndex : new Unknown(Text(call));
                    case "length":
                        return Arg(call, 0) switch
                        {
                            List<object?> list => (long)list.Count,
                            Dictionary<string, object?> entries => (long)entries.Count,
                            string s => (long)s.Length,
                            _ => new Unknown(Text(call)),
                        };
                    case "format":
                        var values = call.Arguments.Skip(1).Select(a => Eval(a, source, scope)).ToArray();
                        return Arg(call, 0) is string format
                            ? System.Text.RegularExpressions.Regex.Replace(format, @"\{(\d+)\}", m => Render(values[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)]))
                            : new Unknown(Text(call));
                    case "createarray":
                        return call.Arguments.Select(a => Eval(a, source, scope)).ToList();
                    case "createobject":
                        var created = new Dictionary<string, object?>(StringComparer.Ordinal);
                        for (var i = 0; i + 1 < args; i += 2)
                        {
                            created[Render(Arg(call, i))] = Arg(call, i + 1);
                        }

                        return created;
                    case "union" or "concat":
                        var parts = call.Arguments.Select(a => Eval(a, source, scope)).ToList();
                        if (parts.Any(p => p is Dictionary<string, object?>) && parts.All(p => p is Dictionary<string, object?> or Unknown))
                        {
                            // Known objects merge; a part only known at deployment stays as one entry keyed by its
                            // expression, so checks on names skip it and checks on values still see its text.
                            var merged = new Dictionary<string, object?>(StringComparer.Ordinal);
                            foreach (var part in parts)
                            {
                                if (part is Unknown unknown)
                                {
                                    merged[unknown.ToString()] = unknown;
                                    continue;
                                }

                                foreach (var (k, v) in (Dictionary<string, object?>)part!)
                                {
                                    merged[k] = v;
                                }
                            }

                            return merged;
                        }

                        if (parts.All(p => p is List<object?>))
                        {
                            return parts.Cast<List<object?>>().SelectMany(p => p).ToList();
                        }

                        return call.Name.Equals("concat", StringComparison.OrdinalIgnoreCase) && parts.All(p => p is not List<object?> and not Dictionary<string, object?>)
                            ? string.Concat(parts.Select(Render))
                            : new Unknown(Text(call));
                    case "resourceid":
                        return ResourceId("", call.Arguments.Select(a => Eval(a, source, scope)).ToList(), Text(call));
                    case "subscriptionresourceid":
                        return ResourceId("/subscriptions/{subscriptionId}", call.Arguments.Select(a => Eval(a, source, scope)).ToList(), Text(call));
                    case "if":
                        return Arg(call, 0) is bool condition ? Arg(call, condition ? 1 : 2) : new Unknown(Text(call));
                    case "empty":
                        return Arg(call, 0) switch
                        {
                            null => true,
                            string s => s.Length == 0,
                            List<object?> list => list.Count == 0,
                            Dictionary<string, object?> entries => entries.Count == 0,
                            _ => new Unknown(Text(call)),
                        };
                    case "not":
                        return Arg(call, 0) is bool b ? !b : new Unknown(Text(call));
                    case "tryget":
                        return Arg(call, 0) is Dictionary<string, object?> container && Arg(call, 1) is string name
                            ? container.GetValueOrDefault(name)
                            : new Unknown(Text(call));
                    case "true" when args == 0:
                        return true;
                    case "false" when args == 0:
                        return false;
                    case "null" when args == 0:
                        return null;
                    default:
                        return new Unknown(Text(call));
                }

            default:
                throw new InvalidOperationException("Unknown expression node " + node);
        }
    }

    /// <summary>resourceId('Ns/a/b', n1, n2) is /providers/Ns/a/n1/b/n2 (resource group and subscription left implicit).</summary>
    private static object ResourceId(string prefix, List<object?> arguments, string text)
    {
        var typeIndex = arguments.FindIndex(a => a is string s && s.Contains('/', StringComparison.Ordinal) && s.StartsWith("Microsoft.", StringComparison.OrdinalIgnoreCase));
        if (typeIndex < 0)
        {
            return new Unknown(text);
        }

        var typeSegments = ((string)arguments[typeIndex]!).Split('/');
        var names = arguments.Skip(typeIndex + 1).Select(Render).ToList();
        if (names.Count != typeSegments.Length - 1)
        {
            return new Unknown(text);
        }

        var id = new StringBuilder(prefix).Append("/providers/").Append(typeSegments[0]);
        for (var i = 0; i < names.Count; i++)
        {
            id.Append('/').Append(typeSegments[i + 1]).Append('/').Append(names[i]);
        }

        return id.ToString();
    }

    private sealed class Parser(string text)
    {
        private int _pos;

        public Node ParseAll()
        {
            var node = ParseExpression();
            SkipSpace();
            if (_pos != text.Length)
            {
                throw new FormatException($"Unexpected '{text[_pos..]}' in expression [{text}]");
            }

            return node;
        }

        private Node ParseExpression()
        {
            SkipSpace();
            var start = _pos;
            var node = ParsePrimary();
            while (true)
            {
                SkipSpace();
                if (Peek('.'))
                {
                    _pos++;
                    var name = ReadIdentifier();
                    node = new Member(node, name, start, _pos);
                }
                else if (Peek('['))
                {
                    _pos++;
                    var key = ParseExpression();
                    Expect(']');
                    node = new Index(node, key, start, _pos);
                }
                else
                {
                    return node;
                }
            }
        }

        private Node ParsePrimary()
        {
            var start = _pos;
            if (Peek('\''))
            {
                _pos++;
                var value = new StringBuilder();
                while (true)
                {
                    if (_pos >= text.Length)
                    {
                        throw new FormatException($"Unterminated string in [{text}]");
                    }

                    if (text[_pos] == '\'')
                    {
                        if (_pos + 1 < text.Length && text[_pos + 1] == '\'')
                        {
                            value.Append('\'');
                            _pos += 2;
                            continue;
                        }

                        _pos++;
                        return new Literal(value.ToString(), start, _pos);
                    }

                    value.Append(text[_pos++]);
                }
            }

            if (char.IsDigit(text[_pos]) || text[_pos] == '-')
            {
                _pos++;
                while (_pos < text.Length && char.IsDigit(text[_pos]))
                {
                    _pos++;
                }

                return new Literal(long.Parse(text[start.._pos], CultureInfo.InvariantCulture), start, _pos);
            }

            var name = ReadIdentifier();
            SkipSpace();
            Expect('(');
            var arguments = new List<Node>();
            SkipSpace();
            if (!Peek(')'))
            {
                do
                {
                    arguments.Add(ParseExpression());
                    SkipSpace();
                }
                while (TryConsume(','));
            }

            Expect(')');
            return new Call(name, arguments, start, _pos);
        }

        private string ReadIdentifier()
        {
            var start = _pos;
            while (_pos < text.Length && (char.IsLetterOrDigit(text[_pos]) || text[_pos] is '_' or '$'))
            {
                _pos++;
            }

            return start == _pos ? throw new FormatException($"Expected a name at {start} in [{text}]") : text[start.._pos];
        }

        private void SkipSpace()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
            {
                _pos++;
            }
        }

        private bool Peek(char c) => _pos < text.Length && text[_pos] == c;

        private bool TryConsume(char c)
        {
            if (!Peek(c))
            {
                return false;
            }

            _pos++;
            return true;
        }

        private void Expect(char c)
        {
            SkipSpace();
            if (!TryConsume(c))
            {
                throw new FormatException($"Expected '{c}' at {_pos} in [{text}]");
            }
        }
    }
}
