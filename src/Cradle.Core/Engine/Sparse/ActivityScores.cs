namespace Cradle.Core.Engine.Sparse;

/// <summary>
/// The LCIA score of one unit of every product, per category, from one transposed solve per category: the score of
/// demand f is h = c B A⁻¹ f, so with λ solving Aᵀ λ = (c B)ᵀ, h = λᵀ f and λⱼ is the score of one unit of product j.
/// One solve per category instead of one per product.
/// </summary>
public static class ActivityScores
{
    /// <summary>λ for one category: for each product, the score of one unit of it.</summary>
    /// <param name="technosphere">A, factored.</param>
    /// <param name="biosphere">B: flow f exchanged by process j per unit of j's product.</param>
    /// <param name="factors">The category's row of C: (flow index, factor).</param>
    public static double[] ForCategory(SparseTechnosphere technosphere, SparseColumns biosphere, IReadOnlyList<(int Flow, double Factor)> factors)
    {
        ArgumentNullException.ThrowIfNull(technosphere);
        ArgumentNullException.ThrowIfNull(biosphere);
        ArgumentNullException.ThrowIfNull(factors);
        var c = new double[biosphere.RowCount];
        foreach (var (flow, factor) in factors)
        {
            c[flow] += factor;
        }
        // (c B)ⱼ: process j's direct score per unit of its product.
        var direct = new double[biosphere.ColumnCount];
        for (var j = 0; j < direct.Length; j++)
        {
            foreach (var (row, value) in biosphere.Column(j))
            {
                direct[j] += c[row] * value;
            }
        }
        return technosphere.SolveTransposed(direct);
    }

    /// <summary>λ for every category of <paramref name="characterisation"/>, in its order.</summary>
    public static IReadOnlyList<double[]> ForEveryCategory(SparseTechnosphere technosphere, SparseColumns biosphere, CharacterisationMatrix characterisation)
    {
        ArgumentNullException.ThrowIfNull(characterisation);
        return characterisation.Rows.Select(row => ForCategory(technosphere, biosphere, row)).ToList();
    }
}
