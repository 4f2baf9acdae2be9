using Cradle.Studies.Compilation;
using Cradle.Syntax;

namespace Cradle.Studies.Assessment;

/// <summary>
/// Refuses totals that are not finite numbers. Every input and amount is finite by then, so an overflow comes from
/// scaling them up (a functional unit of 1e308 requests); printed, it would be a dash or "Infinity" with exit 0.
/// </summary>
internal static class ResultCheck
{
    public static void RequireFinite(CompiledStudy compiled, IReadOnlyList<double> totals)
    {
        var broken = totals.Select((v, k) => (v, k)).Where(t => !double.IsFinite(t.v)).ToList();
        if (broken.Count == 0)
        {
            return;
        }
        var prefix = compiled.Alternative is null ? "" : $"alternative '{Printable.Escape(compiled.Alternative.Id)}': ";
        var categories = string.Join(", ", broken.Select(b => compiled.Method.Categories[b.k].Id));
        var amount = compiled.Study.FunctionalUnit.Amount;
        throw new StudyException([new InputProblem("not-finite", Severity.Error, amount.Location, "functional_unit.amount",
            $"{prefix}the total per functional unit of {categories} is beyond the largest number a computer can hold (about 1.8e308); the functional unit ('{Printable.Escape(amount.Text)}') or the inputs it scales are implausibly large.")]);
    }
}
