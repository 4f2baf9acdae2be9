using Cradle.Core.Engine;
using Cradle.Core.Uncertainty;
using Cradle.Studies.Compilation;

namespace Cradle.Studies.Assessment;

/// <summary>
/// The energy one scope (a stage, or inference) draws per functional unit, in kWh, read from the solved system: the
/// scaling of its IT-energy process and of its grid-electricity process.
/// </summary>
/// <param name="Scope">The stage id, or "inference".</param>
/// <param name="Stage">Its life-cycle stage kind, as in the stage contributions.</param>
/// <param name="ItEnergy">
/// IT energy at the site (kWh per functional unit, ≥ 0); for an energy declared at the facility boundary, the
/// declared energy ÷ the site's PUE (how the system models it).
/// </param>
/// <param name="FacilityEnergy">
/// Facility energy as counted (kWh per functional unit, ≥ 0): IT × PUE where PUE was applied (for a facility
/// boundary, the declared energy), the IT energy where it was not.
/// </param>
/// <param name="GridElectricity">Grid electricity drawn (kWh per functional unit, ≥ 0), what the grid factors apply to.</param>
/// <param name="Convention">The convention the energy was counted under.</param>
public sealed record EnergyUse(string Scope, string Stage, double ItEnergy, double FacilityEnergy, double GridElectricity, EnergyConvention Convention)
{
    /// <summary>Its statistics over the Monte Carlo draws; null without Monte Carlo.</summary>
    public EnergyStatistics? Uncertainty { get; init; }
}

/// <summary>Statistics over the Monte Carlo draws of the three energy figures (kWh per functional unit).</summary>
/// <param name="ItEnergy">IT energy at the site.</param>
/// <param name="FacilityEnergy">Facility energy as counted.</param>
/// <param name="GridElectricity">Grid electricity.</param>
public sealed record EnergyStatistics(SampleStatistics ItEnergy, SampleStatistics FacilityEnergy, SampleStatistics GridElectricity);

/// <summary>The energy drawn per functional unit: per scope, and the totals (kWh).</summary>
/// <param name="Scopes">
/// Per scope the functional unit's supply chain reaches, in the order the system was assembled (stages, then inference).
/// </param>
/// <param name="ItEnergy">Total IT energy (kWh).</param>
/// <param name="FacilityEnergy">Total facility energy as counted (kWh).</param>
/// <param name="GridElectricity">Total grid electricity (kWh).</param>
public sealed record EnergyResult(IReadOnlyList<EnergyUse> Scopes, double ItEnergy, double FacilityEnergy, double GridElectricity)
{
    /// <summary>The unit of every energy figure.</summary>
    public const string Unit = "kWh";

    /// <summary>Statistics of the totals over the Monte Carlo draws; null without Monte Carlo.</summary>
    public EnergyStatistics? Uncertainty { get; init; }
}

/// <summary>Reads the energy drawn from a solved system.</summary>
public static class EnergyDrawn
{
    /// <summary>
    /// The energy per functional unit of each of <paramref name="compiled"/>'s energy chains, from the scaling of
    /// <paramref name="result"/> (whose processes' reference units are kWh for these products).
    /// </summary>
    public static EnergyResult Read(CompiledStudy compiled, LcaResult result)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        ArgumentNullException.ThrowIfNull(result);
        var index = result.System.ProcessIndex;
        // The IT-energy process's scaling is the IT energy (a facility-boundary energy enters it divided by the
        // site's PUE, and the process multiplies PUE back); the site draws from the grid what the facility uses (no
        // on-site generation is modelled), so the facility energy as counted is the grid electricity.
        var reached = Reached(result);
        var scopes = compiled.EnergyChains.Where(chain => reached.Contains(index[chain.ItEnergyProduct])).Select(chain =>
        {
            var grid = result.Scaling[index[chain.ElectricityProduct]];
            return new EnergyUse(chain.Convention.Scope, chain.Stage, result.Scaling[index[chain.ItEnergyProduct]], grid, grid, chain.Convention);
        }).ToList();
        return new EnergyResult(scopes, scopes.Sum(s => s.ItEnergy), scopes.Sum(s => s.FacilityEnergy), scopes.Sum(s => s.GridElectricity));
    }

    /// <summary>
    /// The processes whose scaling a Monte Carlo run must keep for <see cref="WithUncertainty"/>: each energy chain's
    /// IT-energy and grid-electricity process.
    /// </summary>
    public static IReadOnlyList<int> TrackedProcesses(CompiledStudy compiled)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        var index = compiled.System.ProcessIndex;
        return compiled.EnergyChains.SelectMany(chain => new[] { index[chain.ItEnergyProduct], index[chain.ElectricityProduct] }).Distinct().ToList();
    }

    /// <summary>
    /// <paramref name="energy"/> with the statistics of each scope's figures, and of the totals, over the draws of
    /// <paramref name="run"/> (sampled with <see cref="TrackedProcesses"/>): per draw, the same reading as
    /// <see cref="Read"/> (IT = the IT-energy process's scaling, facility = grid = the electricity process's), and the
    /// totals summed per draw, so that their statistics are those of the sum, not sums of statistics.
    /// </summary>
    public static EnergyResult WithUncertainty(CompiledStudy compiled, EnergyResult energy, MonteCarloResult run)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        ArgumentNullException.ThrowIfNull(energy);
        ArgumentNullException.ThrowIfNull(run);
        if (energy.Scopes.Count == 0)
        {
            return energy;
        }
        var index = compiled.System.ProcessIndex;
        // The scopes are the chains the functional unit reaches, in the chains' order: match them up in that order
        // (a scope id alone need not name one chain).
        var next = 0;
        EnergyChain ChainOf(EnergyUse scope)
        {
            while (compiled.EnergyChains[next].Convention.Scope != scope.Scope || compiled.EnergyChains[next].Stage != scope.Stage)
            {
                next++;
            }
            return compiled.EnergyChains[next++];
        }
        var itTotal = new double[run.Iterations];
        var gridTotal = new double[run.Iterations];
        var scopes = energy.Scopes.Select(scope =>
        {
            var chain = ChainOf(scope);
            var it = run.TrackedScaling[index[chain.ItEnergyProduct]];
            var grid = run.TrackedScaling[index[chain.ElectricityProduct]];
            for (var s = 0; s < run.Iterations; s++)
            {
                itTotal[s] += it[s];
                gridTotal[s] += grid[s];
            }
            var gridStats = SampleStatistics.Of(grid);
            return scope with { Uncertainty = new EnergyStatistics(SampleStatistics.Of(it), gridStats, gridStats) };
        }).ToList();
        var totalGrid = SampleStatistics.Of(gridTotal);
        return energy with { Scopes = scopes, Uncertainty = new EnergyStatistics(SampleStatistics.Of(itTotal), totalGrid, totalGrid) };
    }

    /// <summary>
    /// The processes the functional unit's supply chain reaches. A scope outside it (serving, for a functional unit of
    /// one trained model) is left out rather than shown as drawing 0 kWh, as the stage rows leave it out.
    /// </summary>
    private static HashSet<int> Reached(LcaResult result)
    {
        var system = result.System;
        var providers = system.Processes.Select((p, j) => (p.ReferenceProductId, j)).ToDictionary(x => x.ReferenceProductId, x => x.j, StringComparer.Ordinal);
        var inputs = system.Inputs().ToLookup(x => x.Consumer, x => providers[system.Products[x.Product].Id]);
        var reached = new HashSet<int>();
        var pending = new Stack<int>([providers[result.Demand.ProductId]]);
        while (pending.TryPop(out var j))
        {
            if (reached.Add(j))
            {
                foreach (var next in inputs[j])
                {
                    pending.Push(next);
                }
            }
        }
        return reached;
    }
}
