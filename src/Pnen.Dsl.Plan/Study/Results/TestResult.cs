namespace Pnen.Dsl;

/// <summary>Which test a <see cref="TestResult"/> is.</summary>
public enum TestKind
{
    /// <summary>The log-rank test of Kaplan-Meier curves (stratified when the plan is).</summary>
    LogRank,

    /// <summary>A likelihood-ratio test of nested Cox models fitted to the same records.</summary>
    LikelihoodRatio,

    /// <summary>The Wald test of a Cox model's coefficient(s).</summary>
    Wald,

    /// <summary>R's cox.zph score test that a term's coefficient does not change over time (proportional hazards).</summary>
    ProportionalHazards,
    /// <summary>The robust score test of a weighted Cox model (R's coxph rscore): what a weighted comparison of
    /// curves reports, since R's log-rank (survdiff) takes no case weights.</summary>
    RobustScore,
}

/// <summary>A chi-square test: its statistic, degrees of freedom and P (null when it could not be done).</summary>
public sealed record TestResult(TestKind Kind, double? ChiSquare, int Df, double? P);
