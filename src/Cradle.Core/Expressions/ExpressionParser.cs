using System.Globalization;

namespace Cradle.Core.Expressions;

/// <summary>
/// Parses parameter expressions: numbers (1e9, 0.5), parameter names (letters, digits, '_' and '.'; not starting
/// with a digit), + − * / ^ with the usual precedence (^ binds tightest and is right-associative; unary minus
/// binds looser than ^, so -2^2 = −4), parentheses, and the functions min, max, exp, log (natural), sqrt, abs, and
/// the roundings ceil, floor, round (half away from zero) and ceil_pow2 (the smallest power of two ≥ x, at least 1).
/// Chains of one precedence (1 + 1 + … + 1) are read in a loop and may be as long as the text; nesting (parentheses,
/// calls, signs, exponents) is limited to <see cref="MaxDepth"/> levels so that no expression can exhaust the stack.
/// </summary>
public sealed class ExpressionParser
{
    private static readonly Dictionary<string, (int Min, int Max)> Functions = new(StringComparer.Ordinal)
    {
        ["min"] = (2, int.MaxValue),
        ["max"] = (2, int.MaxValue),
        ["exp"] = (1, 1),
        ["log"] = (1, 1),
        ["sqrt"] = (1, 1),
        ["abs"] = (1, 1),
        ["ceil"] = (1, 1),
        ["floor"] = (1, 1),
        ["round"] = (1, 1),
        ["ceil_pow2"] = (1, 1),
    };

    /// <summary>How deeply parentheses, calls, unary signs and exponents may nest; deeper is refused as "too-deep".</summary>
    public const int MaxDepth = 200;

    /// <summary>The problem code of an expression nested deeper than <see cref="MaxDepth"/>.</summary>
    public const string TooDeepCode = "too-deep";

    private readonly string _text;
    private int _position;
    private int _depth;

    private ExpressionParser(string text) => _text = text;

    /// <summary>The names of the built-in functions.</summary>
    public static IEnumerable<string> FunctionNames => Functions.Keys;

    /// <summary>Parses <paramref name="text"/> or throws <see cref="ExpressionException"/> with the offending position.</summary>
    public static ExpressionNode Parse(string text)
    {
        var parser = new ExpressionParser(text);
        parser.SkipSpace();
        if (parser.AtEnd)
        {
            throw new ExpressionException("The expression is empty; write a number or a formula such as 'gpu_hours * power'.", 0);
        }
        var node = parser.ParseSum();
        parser.SkipSpace();
        if (!parser.AtEnd)
        {
            throw new ExpressionException($"Unexpected '{parser.Current}' after a complete expression.", parser._position);
        }
        return node;
    }

    private bool AtEnd => _position >= _text.Length;

    private char Current => _text[_position];

    private ExpressionNode ParseSum()
    {
        var left = ParseProduct();
        while (TryConsume('+', '-', out var op, out var at))
        {
            left = new BinaryNode(at, op, left, ParseProduct());
        }
        return left;
    }

    private ExpressionNode ParseProduct()
    {
        var left = ParseUnary();
        while (TryConsume('*', '/', out var op, out var at))
        {
            left = new BinaryNode(at, op, left, ParseUnary());
        }
        return left;
    }

    private ExpressionNode ParseUnary()
    {
        SkipSpace();
        // A unary plus changes nothing and makes no node, so a run of them is skipped in a loop.
        while (!AtEnd && Current == '+')
        {
            _position++;
            SkipSpace();
        }
        if (!AtEnd && Current == '-')
        {
            var at = _position++;
            Enter(at);
            var operand = ParseUnary();
            _depth--;
            return new NegateNode(at, operand);
        }
        return ParsePower();
    }

    private ExpressionNode ParsePower()
    {
        var bas = ParsePrimary();
        SkipSpace();
        if (!AtEnd && Current == '^')
        {
            var at = _position++;
            Enter(at);
            var exponent = ParseUnary();
            _depth--;
            return new BinaryNode(at, '^', bas, exponent);
        }
        return bas;
    }

    /// <summary>Goes one nesting level deeper, refusing to pass <see cref="MaxDepth"/>.</summary>
    private void Enter(int at)
    {
        if (++_depth > MaxDepth)
        {
            throw new ExpressionException(
                $"The expression nests more than {MaxDepth} levels deep (parentheses, function calls, signs or powers); split it into several parameters.",
                at) { Code = TooDeepCode };
        }
    }

    private ExpressionNode ParsePrimary()
    {
        SkipSpace();
        if (AtEnd)
        {
            throw new ExpressionException("The expression ends where a number, a name or '(' was expected.", _position);
        }
        var start = _position;
        if (Current == '(')
        {
            _position++;
            Enter(start);
            var inner = ParseSum();
            Expect(')', start);
            _depth--;
            return inner;
        }
        if (char.IsAsciiDigit(Current) || Current == '.')
        {
            return ParseNumber();
        }
        if (char.IsAsciiLetter(Current) || Current == '_')
        {
            var name = ReadName();
            SkipSpace();
            if (!AtEnd && Current == '(')
            {
                return ParseCall(name, start);
            }
            return new ParameterNode(start, name);
        }
        throw new ExpressionException($"Unexpected '{Current}' where a number, a name or '(' was expected.", start);
    }

    private CallNode ParseCall(string name, int start)
    {
        if (!Functions.TryGetValue(name, out var arity))
        {
            throw new ExpressionException(
                $"Unknown function '{name}'{NameSuggestions.Hint(name, Functions.Keys)}; the functions are {string.Join(", ", Functions.Keys)}.", start);
        }
        var open = _position++; // '('
        Enter(start);
        var arguments = new List<ExpressionNode> { ParseSum() };
        while (TryConsume(',', ',', out _, out _))
        {
            arguments.Add(ParseSum());
        }
        Expect(')', open);
        _depth--;
        if (arguments.Count < arity.Min || arguments.Count > arity.Max)
        {
            var expected = arity.Min == arity.Max ? $"{arity.Min}" : $"at least {arity.Min}";
            throw new ExpressionException($"'{name}' takes {expected} argument(s), not {arguments.Count}.", start);
        }
        return new CallNode(start, name, arguments);
    }

    private NumberNode ParseNumber()
    {
        var start = _position;
        while (!AtEnd && (char.IsAsciiDigit(Current) || Current == '.'))
        {
            _position++;
        }
        if (!AtEnd && Current is 'e' or 'E')
        {
            var save = _position++;
            if (!AtEnd && Current is '+' or '-')
            {
                _position++;
            }
            if (AtEnd || !char.IsAsciiDigit(Current))
            {
                _position = save;
            }
            while (!AtEnd && char.IsAsciiDigit(Current))
            {
                _position++;
            }
        }
        var text = _text[start.._position];
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new ExpressionException($"'{text}' is not a number.", start);
        }
        if (!AtEnd && (char.IsAsciiLetter(Current) || Current == '_'))
        {
            throw new ExpressionException(
                $"A unit or name directly after the number '{text}': numbers in expressions are pure; give the value a unit by making it a parameter.", _position);
        }
        return new NumberNode(start, value);
    }

    private string ReadName()
    {
        var start = _position;
        while (!AtEnd && (char.IsAsciiLetterOrDigit(Current) || Current is '_' or '.'))
        {
            _position++;
        }
        return _text[start.._position];
    }

    private bool TryConsume(char a, char b, out char op, out int at)
    {
        SkipSpace();
        at = _position;
        op = AtEnd ? '\0' : Current;
        if (!AtEnd && (Current == a || Current == b))
        {
            _position++;
            return true;
        }
        return false;
    }

    private void Expect(char expected, int openedAt)
    {
        SkipSpace();
        if (AtEnd || Current != expected)
        {
            throw new ExpressionException($"Missing '{expected}' to close the '(' at column {openedAt + 1}.", _position);
        }
        _position++;
    }

    private void SkipSpace()
    {
        while (!AtEnd && char.IsWhiteSpace(Current))
        {
            _position++;
        }
    }
}
