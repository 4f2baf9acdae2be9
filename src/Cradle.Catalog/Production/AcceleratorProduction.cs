using Cradle.Catalog.Model;

namespace Cradle.Catalog.Production;

/// <summary>
/// Production (embodied) impacts of accelerators, by estimator name. Estimators: "ademe-measured", "catalog",
/// "ademe-parametric", "ademe-calculator", "ademe-table2", "mlca", "mlca-gadata", "modelled" and "best"
/// (docs/production.md says what each does and how uncertain it is).
/// </summary>
public sealed class AcceleratorProduction
{
    /// <summary>The estimator used when none is named.</summary>
    public const string DefaultEstimator = "best";

    private readonly ReferenceCatalog _catalog;

    /// <summary>The estimators over <paramref name="catalog"/>'s accelerators.</summary>
    public AcceleratorProduction(ReferenceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
        var data = AdemeGpuData.Shipped;
        var measured = new MeasuredCardEstimator(data);
        var published = new CatalogFigureEstimator(catalog);
        var parametric = new AdemeParametricEstimator(data, new AdemeParametricOptions(
            "ademe-parametric", "calculator", DieLossModel.Murphy, MemoryAreaBasis.AllDies, 19_000, 1_000, 0,
            "ADEME / Hubblo parametric model: calculator factors, Murphy losses, every VRAM die, 19,000 km boat + 1,000 km truck"));
        var calculator = new AdemeParametricEstimator(data, new AdemeParametricOptions(
            "ademe-calculator", "calculator", DieLossModel.CircularWafer, MemoryAreaBasis.Calculator, 0, 1_000, 9_908,
            "ADEME / Hubblo live calculator as published: circular-wafer losses, 9,908 km plane + 1,000 km truck"));
        var table2 = new AdemeParametricEstimator(data, new AdemeParametricOptions(
            "ademe-table2", "table2", DieLossModel.Murphy, MemoryAreaBasis.OneDie, 19_000, 1_000, 0,
            "ADEME / Hubblo documentation Table 2 factors, Murphy losses, VRAM factor per die, 19,000 km boat + 1,000 km truck"));
        var mlca = new MlcaEstimator();
        var mlcaGaData = new MlcaEstimator("mlca-gadata", MlcaEstimator.GaDataDensityGbPerCm2);
        var modelled = new ModelledEstimator("modelled", [parametric, mlca]);
        Estimators = [measured, published, parametric, calculator, table2, mlca, mlcaGaData, modelled, new PreferredEstimator(measured, published, modelled)];
    }

    /// <summary>Every estimator, in the order of the class summary.</summary>
    public IReadOnlyList<IAcceleratorProductionEstimator> Estimators { get; }

    /// <summary>The estimator named <paramref name="name"/>; throws with the valid names when there is none.</summary>
    public IAcceleratorProductionEstimator Estimator(string name) =>
        Estimators.FirstOrDefault(e => e.Name == name)
        ?? throw new ArgumentException($"unknown production estimator '{name}'; known: {string.Join(", ", Estimators.Select(e => e.Name))}", nameof(name));

    /// <summary>The impacts of catalog accelerator <paramref name="idOrName"/> by estimator <paramref name="estimator"/>.</summary>
    public ProductionResult Estimate(string idOrName, string estimator = DefaultEstimator)
    {
        var entry = _catalog.Find(idOrName, [CatalogKinds.Accelerator])
            ?? throw new ArgumentException(
                $"unknown accelerator '{idOrName}'; did you mean {string.Join(", ", _catalog.Suggest(idOrName, [CatalogKinds.Accelerator]))}?", nameof(idOrName));
        return Estimator(estimator).Estimate(AcceleratorSpec.FromCatalog(entry));
    }

    /// <summary>The impacts of <paramref name="accelerator"/> (a catalog entry or a bare spec) by <paramref name="estimator"/>.</summary>
    public ProductionResult Estimate(AcceleratorSpec accelerator, string estimator = DefaultEstimator) => Estimator(estimator).Estimate(accelerator);

    /// <summary>
    /// One row per catalog accelerator, in catalog order: id, release year and the result of <paramref name="estimator"/>
    /// (which may be "cannot estimate, because …"), for production-versus-release-year charts.
    /// </summary>
    public IReadOnlyList<AcceleratorProductionRow> ByReleaseYear(string estimator = DefaultEstimator)
    {
        var chosen = Estimator(estimator);
        return _catalog.List(CatalogKinds.Accelerator).Select(AcceleratorSpec.FromCatalog)
            .Select(s => new AcceleratorProductionRow(s.CatalogId!, s.ReleaseYear, chosen.Estimate(s))).ToList();
    }
}

/// <summary>A catalog accelerator's production impacts, for trend charts.</summary>
/// <param name="AcceleratorId">Catalog id.</param>
/// <param name="ReleaseYear">Its release year, or null when the catalog has none.</param>
/// <param name="Result">The estimate (its <see cref="ProductionEstimate.Estimator"/> says which answered) or the reason there is none.</param>
public sealed record AcceleratorProductionRow(string AcceleratorId, int? ReleaseYear, ProductionResult Result);
