using Cradle.Core.Engine;

namespace Cradle.Core.Uncertainty;

/// <summary>
/// One thread's work columns for an <see cref="InputSweep"/>: the base block's parameters, amounts, scaling and
/// impacts, and views of them in which a change swaps in its own columns, taken from a pool and put back after.
/// </summary>
public sealed class SweepBlock
{
    private readonly VectorisedModel _model;
    private readonly int _blockSize;
    private readonly List<double[]> _pool = [];
    private readonly List<(double[][] View, int Index, double[] Original)> _replaced = [];
    private int _taken;
    private double[][]? _fullSlots;
    private double[][]? _fullImpacts;
    private ModelWorkspace? _fullWorkspace;

    internal SweepBlock(VectorisedModel model, int blockSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        _model = model;
        _blockSize = blockSize;
        Slots = Columns(model.SlotCount, blockSize);
        Workspace = model.CreateWorkspace(blockSize);
        var categories = model.Method.Categories.Count;
        Impacts = Columns(categories, blockSize);
        Stages = [.. model.Stages.Select(_ => Columns(categories, blockSize))];
        SlotView = (double[][])Slots.Clone();
        TechnosphereView = (double[][])Workspace.Technosphere.Clone();
        BiosphereView = (double[][])Workspace.Biosphere.Clone();
        ScalingView = (double[][])Workspace.Scaling.Clone();
        Sampled = new bool[model.SlotCount];
    }

    internal double[][] Slots { get; }

    internal ModelWorkspace Workspace { get; }

    internal double[][] Impacts { get; }

    internal double[][][] Stages { get; }

    internal double[][] SlotView { get; }

    internal double[][] TechnosphereView { get; }

    internal double[][] BiosphereView { get; }

    internal double[][] ScalingView { get; }

    internal bool[] Sampled { get; set; }

    internal int Count { get; set; }

    internal void BeginChange() => _taken = 0;

    /// <summary>A pooled column of the block's length, valid until <see cref="EndChange"/>.</summary>
    internal double[] Take()
    {
        if (_taken == _pool.Count)
        {
            _pool.Add(new double[_blockSize]);
        }
        return _pool[_taken++];
    }

    internal void Replace(double[][] view, int index, double[] column)
    {
        _replaced.Add((view, index, view[index]));
        view[index] = column;
    }

    /// <summary>Puts the base columns back into the views.</summary>
    internal void EndChange()
    {
        for (var r = _replaced.Count - 1; r >= 0; r--)
        {
            var (view, index, original) = _replaced[r];
            view[index] = original;
        }
        _replaced.Clear();
    }

    internal double[][] FullSlots() => _fullSlots ??= Columns(_model.SlotCount, _blockSize);

    internal double[][] FullImpacts() => _fullImpacts ??= Columns(_model.Method.Categories.Count, _blockSize);

    internal ModelWorkspace FullWorkspace() => _fullWorkspace ??= _model.CreateWorkspace(_blockSize);

    private static double[][] Columns(int count, int length) => [.. Enumerable.Range(0, count).Select(_ => new double[length])];
}
