using System.Text.RegularExpressions;
using Cradle.Core.Parameters;
using Cradle.Core.Units;
using Cradle.Studies.Definition;
using Cradle.Syntax;

namespace Cradle.Studies.Compilation;

/// <summary>
/// Turns every numeric input of a study into a named parameter with its provenance, so that each result can list
/// how every input was obtained. User parameters keep their names; inputs written inline get names from their
/// place in the file ("sites.jupiter.pue", "devices.h100.embodied.gwp100"), which expressions may use too.
/// Remembers where each was written and what dimension it must have.
/// </summary>
internal sealed partial class ParameterCollector
{
    private readonly ProblemList _problems;
    private readonly List<ParameterDefinition> _definitions = [];
    private readonly Dictionary<string, (Dimension Dimension, string What)> _expected = new(StringComparer.Ordinal);

    private readonly FieldPaths _fields;

    public ParameterCollector(ProblemList problems, FieldPaths fields)
    {
        _problems = problems;
        _fields = fields;
    }

    /// <summary>The field path the user wrote for a parameter ("stages.pre-training.energy" for stages.pre_training.energy).</summary>
    public string FieldOf(string name) => _fields.Of(name);

    public IReadOnlyList<ParameterDefinition> Definitions => _definitions;

    public Dictionary<string, SourceLocation> Locations { get; } = new(StringComparer.Ordinal);

    /// <summary>The value each parameter was made from, by name.</summary>
    public Dictionary<string, Datum> Datums { get; } = new(StringComparer.Ordinal);

    /// <summary>The names of the study's own `parameters:` entries, which are free-form (no range rule applies to them).</summary>
    public HashSet<string> UserNames { get; } = new(StringComparer.Ordinal);

    /// <summary>Expression parameters whose provenance the study did not state: it is derived from their inputs.</summary>
    public HashSet<string> DerivedProvenance { get; } = new(StringComparer.Ordinal);

    /// <summary>Dimension each generated parameter must have, and its description for messages.</summary>
    public IReadOnlyDictionary<string, (Dimension Dimension, string What)> Expected => _expected;

    /// <summary>Generated name for an inline input: '-' becomes '_' so the name can be written in expressions.</summary>
    public static string NameFor(params string[] parts) => string.Join('.', parts.Select(p => p.Replace('-', '_')));

    /// <summary>
    /// Where an alternative replaced a parameter, by name: range errors in values that depend on it are located
    /// there, since that is the line to change.
    /// </summary>
    public Dictionary<string, SourceLocation> Overrides { get; } = new(StringComparer.Ordinal);

    /// <summary>Adds one of the study's own <c>parameters:</c> entries.</summary>
    public void AddUser(ParameterEntry entry) => AddEntry(entry, replaceExisting: false, isUser: true);

    /// <summary>
    /// Replaces a parameter with an alternative's value. An overridden generated input (<c>sites.x.pue</c>) stays a
    /// generated input: it keeps its expected dimension and its range rule.
    /// </summary>
    public void Override(ParameterEntry entry)
    {
        AddEntry(entry, replaceExisting: true, isUser: UserNames.Contains(entry.Name));
        Overrides[entry.Name] = entry.Value.Location;
    }

    private void AddEntry(ParameterEntry entry, bool replaceExisting, bool isUser)
    {
        Unit? unit = null;
        if (entry.Unit is not null)
        {
            unit = UnitParser.TryParse(entry.Unit, out var error);
            if (unit is null)
            {
                _problems.Error("unknown-unit", entry.UnitLocation, $"parameters.{entry.Name}.unit", $"{error}.");
                return;
            }
        }
        if (replaceExisting)
        {
            _definitions.RemoveAll(d => d.Name == entry.Name);
        }
        var definition = ToDefinition(entry.Name, entry.Value, unit, $"parameters.{entry.Name}");
        if (definition is not null)
        {
            _definitions.Add(definition with { Description = entry.Description });
            Locations[entry.Name] = entry.Value.Location;
            Datums[entry.Name] = entry.Value;
            if (isUser)
            {
                UserNames.Add(entry.Name);
            }
        }
    }

    /// <summary>Adds an inline input that must have <paramref name="dimension"/>; returns its parameter name.</summary>
    public string Add(string name, Datum datum, Dimension dimension, string what)
    {
        // The same input reached again (a field every serving fleet inherits from 'inference') is one parameter.
        if (Datums.TryGetValue(name, out var added) && ReferenceEquals(added, datum))
        {
            return name;
        }
        var definition = ToDefinition(name, datum, null, _fields.Of(name));
        if (definition is not null)
        {
            _definitions.Add(definition);
            Locations[name] = datum.Location;
            Datums[name] = datum;
            _expected[name] = (dimension, what);
        }
        return name;
    }

    /// <summary>Adds a parameter the compiler derives from others (device time from FLOPs ÷ (peak × MFU)).</summary>
    public string AddDerived(string name, string expression, Dimension dimension, string what, SourceLocation location, string note)
    {
        _definitions.Add(ParameterDefinition.FromExpression(name, expression, null, new Provenance(DataOrigin.Modelled, null, note)));
        DerivedProvenance.Remove(name);
        Locations[name] = location;
        _expected[name] = (dimension, what);
        return name;
    }

    /// <summary>Whether a parameter of this name exists already.</summary>
    public bool Contains(string name) => _definitions.Any(d => d.Name == name);

    private ParameterDefinition? ToDefinition(string name, Datum datum, Unit? declaredUnit, string field)
    {
        var text = datum.Text.Trim();
        if (LooksLikeQuantity().IsMatch(text))
        {
            if (!Quantity.TryParse(text, out var quantity, out var error))
            {
                _problems.Error("unknown-unit", datum.Location, field, $"{error}.");
                return null;
            }
            if (!double.IsFinite(quantity.Value))
            {
                _problems.Error("out-of-range", datum.Location, field, $"'{Printable.Escape(text)}' is not a finite number.");
                return null;
            }
            if (!double.IsFinite(quantity.BaseValue))
            {
                // Finite as written, but not in the base unit every value is computed in (1e305 MWh is 3.6e314 J).
                _problems.Error("out-of-range", datum.Location, field,
                    $"'{Printable.Escape(text)}' is beyond the largest number a computer can hold (about 1.8e308) once converted to the base unit of {quantity.Unit.Dimension} it is computed in; it is implausibly large.");
                return null;
            }
            if (declaredUnit is not null && declaredUnit.Dimension != quantity.Dimension)
            {
                _problems.Error("unit-mismatch", datum.Location, field,
                    $"the value is in {quantity.Unit.Describe()}, but the parameter is declared in {declaredUnit.Describe()}.");
                return null;
            }
            var provenance = new Provenance(datum.Origin ?? DataOrigin.Declared, datum.Source, datum.Note);
            var uncertainty = datum.Uncertainty is null ? null : DistributionBuilder.Build(quantity, datum.Uncertainty, field, _problems);
            return ParameterDefinition.FromValue(name, quantity, provenance) with { Uncertainty = uncertainty };
        }
        if (datum.Uncertainty is not null)
        {
            _problems.Error("uncertainty-on-expression", datum.Uncertainty.Location, $"{field}.uncertainty",
                "a computed value takes its uncertainty from the values it is computed from; give those their uncertainty instead.");
        }
        var modelled = new Provenance(datum.Origin ?? DataOrigin.Modelled, datum.Source, datum.Note ?? $"computed as {text}");
        if (datum.Origin is null)
        {
            DerivedProvenance.Add(name);
        }
        else
        {
            DerivedProvenance.Remove(name);
        }
        return ParameterDefinition.FromExpression(name, text, declaredUnit, modelled);
    }

    /// <summary>A number alone, or a number followed by something that starts like a unit (not an operator).</summary>
    [GeneratedRegex(@"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?(\s*[A-Za-z%µ²³].*)?$")]
    private static partial Regex LooksLikeQuantity();
}
