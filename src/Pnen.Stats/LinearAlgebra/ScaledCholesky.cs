namespace Pnen.Stats.LinearAlgebra;

/// <summary>
/// <see cref="GeneralizedCholesky"/> of a symmetric information matrix scaled to a unit diagonal
/// (D^-1/2 A D^-1/2), so that a pivot measures how much of a column is left after the columns
/// before it (1 - R²) whatever its units. Collinearity is then found the way a pivoted QR finds it
/// (R's glm), and a column whose information is tiny but not redundant (a coefficient running off
/// to infinity under separation) is still solved for rather than mistaken for a redundant one.
/// </summary>
internal sealed class ScaledCholesky
{
    private readonly double[] _m;
    private readonly double[] _scale;
    private readonly int _n;

    /// <param name="matrix">n × n, row-major; only the upper triangle and the diagonal are read.</param>
    public ScaledCholesky(ReadOnlySpan<double> matrix, int n, double tolerance)
    {
        _n = n;
        _scale = new double[n];
        _m = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            var d = matrix[i * n + i];
            _scale[i] = d > 0 && double.IsFinite(d) ? 1 / Math.Sqrt(d) : 0;
        }
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++) _m[i * n + j] = matrix[i * n + j] * _scale[i] * _scale[j];
        }
        Rank = Math.Abs(GeneralizedCholesky.Decompose(_m, n, tolerance));
    }

    public int Rank { get; }

    /// <summary>True for a column found to be a combination of the columns before it (or empty).</summary>
    public bool IsRedundant(int i) => _m[i * _n + i] == 0;

    /// <summary>Solves A b = y in place; redundant columns get 0.</summary>
    public void Solve(Span<double> y)
    {
        for (var i = 0; i < _n; i++) y[i] *= _scale[i];
        GeneralizedCholesky.Solve(_m, _n, y);
        for (var i = 0; i < _n; i++) y[i] *= _scale[i];
    }

    /// <summary>The (generalised) inverse of A, row-major; rows and columns of redundant columns are 0.</summary>
    public double[] Inverse()
    {
        var inverse = (double[])_m.Clone();
        GeneralizedCholesky.Invert(inverse, _n);
        for (var i = 0; i < _n; i++)
        {
            for (var j = 0; j < _n; j++) inverse[i * _n + j] *= _scale[i] * _scale[j];
        }
        return inverse;
    }
}
