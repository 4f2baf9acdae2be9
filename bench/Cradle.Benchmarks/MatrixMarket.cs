using System.Globalization;
using Cradle.Core.Tests.Engine.Sparse;

namespace Cradle.Benchmarks;

/// <summary>Writes the ecoinvent-shaped technosphere A = I − N and one category's (c B)ᵀ as Matrix Market files, for SciPy.</summary>
internal static class MatrixMarket
{
    /// <summary>
    /// Writes A to <paramref name="path"/> (coordinate real general, 1-based, the diagonal merged with any self-input)
    /// and (c B)ᵀ of category 0 to the same name with <c>.scores.mtx</c> (array real general).
    /// </summary>
    public static void WriteTechnosphere(int processes, int seed, string path)
    {
        var system = EcoinventShapedSystem.Generate(processes, seed);
        var entries = new List<(int Row, int Column, double Value)>();
        for (var j = 0; j < processes; j++)
        {
            var diagonal = 1.0;
            foreach (var (row, value) in system.Inputs.Column(j))
            {
                if (row == j)
                {
                    diagonal -= value;
                }
                else
                {
                    entries.Add((row, j, -value));
                }
            }
            entries.Add((j, j, diagonal));
        }
        using (var writer = new StreamWriter(path))
        {
            writer.WriteLine("%%MatrixMarket matrix coordinate real general");
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"% Cradle ecoinvent-shaped technosphere A = I - N, {processes} processes, seed {seed}"));
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{processes} {processes} {entries.Count}"));
            foreach (var (row, column, value) in entries)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row + 1} {column + 1} {value:R}"));
            }
        }
        using var scores = new StreamWriter(Path.ChangeExtension(path, ".scores.mtx"));
        scores.WriteLine("%%MatrixMarket matrix array real general");
        scores.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{processes} 1"));
        foreach (var value in system.DirectScores(0))
        {
            scores.WriteLine(value.ToString("R", CultureInfo.InvariantCulture));
        }
    }
}
