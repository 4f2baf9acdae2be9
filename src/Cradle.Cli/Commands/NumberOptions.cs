using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Cradle.Cli.Commands;

/// <summary>
/// Options that take a number. Their text is parsed here, range included, so that anything else (<c>1e5</c>,
/// <c>100,000</c>, <c>1.5</c>, <c>abc</c>, <c>2147483648</c>) is a parse error that says what is expected: exit code 1
/// and the command's help, never an exception when the value is read.
/// </summary>
internal static class NumberOptions
{
    /// <summary>An option taking a whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    /// <param name="name">The option's name, e.g. <c>--mc</c>.</param>
    /// <param name="description">Its help text (without the default, which help prints itself).</param>
    /// <param name="what">What the number counts, e.g. "iterations", as it reads after "a whole number of".</param>
    /// <param name="min">The least value accepted.</param>
    /// <param name="max">The largest value accepted.</param>
    /// <param name="example">A typical value, shown in the error.</param>
    /// <param name="defaultValue">The value when the option is not given (help shows it); null: 0, which the caller reads as "not given".</param>
    public static Option<int> WholeNumber(string name, string description, string what, int min, int max, int example, int? defaultValue)
    {
        var option = new Option<int>(name)
        {
            Description = description,
            HelpName = "N",
            CustomParser = result => Parse(result, name, what, min, max, example),
        };
        if (defaultValue is { } value)
        {
            option.DefaultValueFactory = _ => value;
        }
        return option;
    }

    /// <summary>A seed: any whole number from 0 to 2⁶⁴ − 1.</summary>
    public static Option<ulong> Seed(string description) =>
        new("--seed")
        {
            Description = description,
            HelpName = "S",
            DefaultValueFactory = _ => 1,
            CustomParser = result => Parse(result, "--seed", "", ulong.MinValue, ulong.MaxValue, 42UL),
        };

    /// <summary>An option taking a share strictly between 0 and 1, written with '.' as the decimal separator.</summary>
    public static Option<double> Share(string name, string description, double defaultValue) =>
        new(name)
        {
            Description = description,
            HelpName = "X",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result =>
            {
                var text = Text(result);
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is > 0 and < 1)
                {
                    return value;
                }
                result.AddError($"{name} expects a share of the total above 0 and below 1, such as 0.1 for 10 %; got '{text}'.");
                return default;
            },
        };

    /// <summary>An optional count from 1 to 2⁶³ − 1 (e.g. <c>--requests</c>); null when not given.</summary>
    public static Option<long?> Count(string name, string description, string what, long example) =>
        new(name)
        {
            Description = description,
            HelpName = "N",
            CustomParser = result => Parse(result, name, what, 1L, long.MaxValue, example),
        };

    /// <summary>
    /// An optional finite number above 0, written with '.' as the decimal separator and an exponent allowed (<c>7e9</c>);
    /// null when not given.
    /// </summary>
    public static Option<double?> Positive(string name, string description, string helpName, string example) =>
        new(name)
        {
            Description = description,
            HelpName = helpName,
            CustomParser = result =>
            {
                var text = Text(result);
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value > 0)
                {
                    return value;
                }
                result.AddError($"{name} expects a number above 0, such as {example}; got '{text}'.");
                return null;
            },
        };

    private static T Parse<T>(ArgumentResult result, string name, string what, T min, T max, T example)
        where T : struct, System.Numerics.INumber<T>
    {
        var text = Text(result);
        // Digits and a leading sign only: no exponent, no group separators, no decimals, no surrounding spaces.
        if (T.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }
        var counted = what.Length == 0 ? "" : $" of {what}";
        result.AddError(string.Create(CultureInfo.InvariantCulture,
            $"{name} expects a whole number{counted} from {min} to {max}, such as {example}; got '{text}'."));
        return default;
    }

    /// <summary>The option's text as given (an option that takes one value has one token).</summary>
    private static string Text(ArgumentResult result) => result.Tokens.Count == 0 ? "" : result.Tokens[^1].Value;
}
