namespace Pnen.Stats.Survival.Cox;

/// <summary>
/// The running sums of one backward walk of <see cref="CoxLikelihoodPass"/> (coxfit6's a, a2,
/// cmat, cmat2 and denominator) and what the walk adds to the score and information. Each of the
/// pass's two walks has its own, so they can run at the same time.
/// </summary>
internal sealed class CoxRunningSums(int columns, int stride)
{
    /// <summary>Σ risk·x over the risk set.</summary>
    public double[] A { get; } = new double[stride];

    /// <summary>Σ risk·x over the deaths at the current time (Efron).</summary>
    public double[] A2 { get; } = new double[stride];

    /// <summary>Σ risk·x x' over the risk set (lower triangle, rows <c>stride</c> apart).</summary>
    public double[] Cmat { get; } = new double[columns * stride];

    public double[] Cmat2 { get; } = new double[columns * stride];

    /// <summary>The walk's share of the score.</summary>
    public double[] U { get; } = new double[columns];

    /// <summary>The walk's share of the information (upper triangle, [j, i] at j·p + i).</summary>
    public double[] Imat { get; } = new double[columns * columns];

    /// <summary>Σ risk over the risk set at the start of the walk.</summary>
    public double Denominator { get; set; }

    /// <summary>Σ of the information's weight on cmat (Σ w̄/d2 over the tied deaths) over the
    /// death times that had rows of the other walk in their risk set.</summary>
    public double CarriedWeight { get; set; }

    public void Clear()
    {
        Array.Clear(A);
        Array.Clear(A2);
        Array.Clear(Cmat);
        Array.Clear(Cmat2);
        Array.Clear(U);
        Array.Clear(Imat);
        Denominator = 0;
        CarriedWeight = 0;
    }

    /// <summary>The deaths join the risk set once their own sums have been used.</summary>
    public void MergeDeaths()
    {
        for (var i = 0; i < A.Length; i++) A[i] += A2[i];
        for (var i = 0; i < Cmat.Length; i++) Cmat[i] += Cmat2[i];
    }

    /// <summary>The information's term in Σ risk·x x' of the other walk's rows, which that walk
    /// holds at its end (<paramref name="carriedCmat"/>): weighted by <see cref="CarriedWeight"/>.</summary>
    public void AddCarriedInformation(double[] carriedCmat, int p, int cmatStride)
    {
        if (CarriedWeight == 0) return;
        for (var i = 0; i < p; i++)
        {
            for (var j = 0; j <= i; j++) Imat[j * p + i] += carriedCmat[i * cmatStride + j] * CarriedWeight;
        }
    }

    public void CopyTo(double[] u, double[] imat)
    {
        Array.Copy(U, u, U.Length);
        Array.Copy(Imat, imat, Imat.Length);
    }

    public void AddTo(double[] u, double[] imat)
    {
        for (var i = 0; i < U.Length; i++) u[i] += U[i];
        for (var i = 0; i < Imat.Length; i++) imat[i] += Imat[i];
    }
}
