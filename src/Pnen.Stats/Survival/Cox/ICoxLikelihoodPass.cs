namespace Pnen.Stats.Survival.Cox;

/// <summary>
/// One evaluation of a Cox partial likelihood at beta, on the centred and scaled design the
/// Newton-Raphson iterations work with: the log-likelihood, the score vector and the upper
/// triangle of the information matrix. <see cref="CoxLikelihoodPass"/> is the fast one for
/// unweighted right-censored data (R's coxfit6); <see cref="CoxCountingPass"/> adds case weights
/// and (start, stop] risk sets (R's agfit4).
/// </summary>
internal interface ICoxLikelihoodPass
{
    /// <summary>Returns the log partial likelihood at <paramref name="beta"/>; fills the score
    /// <paramref name="u"/> and the upper triangle of the information <paramref name="imat"/>
    /// (element [j, i], j ≤ i, at j·p + i).</summary>
    double Evaluate(double[] beta, double[] u, double[] imat);
}
