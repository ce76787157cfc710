using Pnen.Stats.Survival.Cox;
using Pnen.Stats.Survival.Cox.Terms;
using Pnen.Stats.Tests.Support;

namespace Pnen.Stats.Tests.Survival;

/// <summary>
/// Terms of a Cox model where the answer follows from the definitions (derivations in each test),
/// and the edges R's coxph and anova meet: missing values in a tested term, a spline R's ns cannot
/// make, an empty cell, no events, naming mistakes.
/// </summary>
public class CoxTermsTests
{
    // A small sample with ties and both arms, times and events written out.
    private static readonly double[] Time = [5, 8, 8, 12, 15, 17, 20, 22, 25, 30, 31, 33, 40, 41, 45, 50, 52, 60, 61, 70];
    private static readonly bool[] Died = [true, true, false, true, true, false, true, true, true, false, true, true, false, true, true, true, false, true, false, true];
    private static readonly double[] Age = [61, 55, 70, 48, 66, 59, 73, 52, 64, 45, 68, 57, 71, 50, 62, 58, 69, 47, 63, 54];
    private static readonly double[] Marker = [1.2, 0.4, 2.2, 0.9, 1.7, 0.3, 2.9, 1.1, 1.5, 0.2, 2.4, 0.8, 2.0, 0.6, 1.3, 1.0, 2.6, 0.5, 1.8, 0.7];
    private static readonly int[] Arm = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1];
    private static readonly string[] ArmLevels = ["control", "treated"];

    private static CategoricalCovariate ArmTerm => new("arm", Arm, ArmLevels, 0);

    [Fact]
    public void PerUnitScalesTheCoefficient()
    {
        // Dividing a column by 10 multiplies its coefficient and standard error by 10 and leaves the
        // likelihood as it was (the partial likelihood depends on x·beta only).
        var plain = CoxModel.Fit(Time, Died, [new NumericCovariate("age", Age)]);
        var per10 = CoxModel.Fit(Time, Died, [new PerUnitCovariate("age", Age, 10)]);
        var a = plain.Result.Terms[0];
        var b = per10.Result.Terms[0];
        Approx.Equal(10 * a.Coefficient, b.Coefficient, 1e-9, "coef per 10");
        Approx.Equal(10 * a.StdErr, b.StdErr, 1e-9, "se per 10");
        Approx.Equal(a.PValue, b.PValue, 1e-9, "p");
        Approx.Equal(plain.Result.LogLikelihoodEnd, per10.Result.LogLikelihoodEnd, 1e-12, "loglik");
        Assert.Null(b.Level);
        Assert.Equal("age (per 10)", per10.Columns[0].Label);
    }

    [Fact]
    public void NumericInteractionIsTheProductColumn()
    {
        // age:marker is the column age × marker, so the fit equals one with that column given as data.
        var age = new NumericCovariate("age", Age);
        var marker = new NumericCovariate("marker", Marker);
        var withTerm = CoxModel.Fit(Time, Died, [age, marker, new InteractionCovariate(age, marker)]);
        var product = Age.Select((a, i) => a * Marker[i]).ToArray();
        var withColumn = CoxRegression.Fit(Time, Died, [age, marker, new NumericCovariate("age:marker", product)]);
        Assert.Equal(withColumn.Terms.Select(t => (t.Variable, t.Level)), withTerm.Result.Terms.Select(t => (t.Variable, t.Level)));
        for (var i = 0; i < 3; i++) Approx.Equal(withColumn.Terms[i].Coefficient, withTerm.Result.Terms[i].Coefficient, 1e-12, withColumn.Terms[i].Variable);
        Assert.Equal("age × marker", withTerm.Columns[2].Label);
        Assert.Null(withTerm.Columns[2].Level);
    }

    [Fact]
    public void NestedFitsUseTheRowsOfTheLargerModel()
    {
        // marker is missing in two rows: the model with it has 18 rows, and so must the model
        // without it (R's anova stops on models fitted to different numbers of rows).
        var marker = (double[])Marker.Clone();
        marker[3] = double.NaN;
        marker[10] = double.NaN;
        var model = CoxModel.Fit(Time, Died, [new NumericCovariate("age", Age), new NumericCovariate("marker", marker)]);
        Assert.Equal(18, model.Result.N);
        Assert.Equal(2, model.Result.Dropped);
        var test = model.TestWithout("marker");
        Assert.Equal(18, test.N);
        Assert.Equal(18, test.Reduced.N);
        Assert.Equal(0, test.Reduced.Dropped);
        Assert.Equal(1, test.DegreesOfFreedom);

        // The reduced model is age alone on those 18 rows; its log-likelihood is that fit's.
        var keep = Enumerable.Range(0, 20).Where(i => i is not (3 or 10)).ToArray();
        var alone = CoxRegression.Fit(keep.Select(i => Time[i]).ToArray(), keep.Select(i => Died[i]).ToArray(), [new NumericCovariate("age", keep.Select(i => Age[i]).ToArray())]);
        Assert.Equal(alone.LogLikelihoodEnd, test.ReducedLogLikelihood);
        Approx.Equal(2 * (model.Result.LogLikelihoodEnd - alone.LogLikelihoodEnd), test.ChiSquare, 1e-12, "chi-square");
    }

    [Fact]
    public void SplineKnotsAreOnTheAnalysedRows()
    {
        // Age 73 (the maximum) sits in a row whose marker is missing: the upper boundary knot is
        // then the largest analysed age, 71, not 73.
        var marker = (double[])Marker.Clone();
        marker[6] = double.NaN;
        var model = CoxModel.Fit(Time, Died, [new SplineCovariate("age", Age, 2), new NumericCovariate("marker", marker)]);
        var spline = Assert.IsType<SplineCovariate>(model.Covariates[0]);
        Assert.Equal(71, spline.Basis!.UpperBoundary);
        Assert.Equal(45, spline.Basis.LowerBoundary);
        Assert.Equal(["age: ns1", "age: ns2", "marker"], model.Columns.Select(c => c.Label));
        var test = model.TestNonlinearity("age");
        Assert.Equal(1, test.DegreesOfFreedom); // 2 spline columns against 1 linear column
        Assert.Equal(19, test.Reduced.N);
    }

    [Fact]
    public void SplineThatCannotBeMadeIsDroppedByName()
    {
        // A 0/1 variable has no natural spline with 3 df (R's ns stops): the term is left out with its
        // reason, and its non-linearity is not tested.
        var binary = Arm.Select(a => (double)a).ToArray();
        var model = CoxModel.Fit(Time, Died, [new SplineCovariate("arm01", binary, 3), new NumericCovariate("age", Age)]);
        var dropped = Assert.Single(model.Result.DroppedTerms);
        Assert.Equal("arm01", dropped.Variable);
        Assert.Contains("too few distinct values", dropped.Reason, StringComparison.Ordinal);
        Assert.Contains(model.Result.Warnings, w => w.StartsWith("arm01 was dropped", StringComparison.Ordinal));
        NothingTested(model.TestNonlinearity("arm01"), "no spline of arm01");
    }

    [Fact]
    public void EmptyCellIsDroppedWithItsReason()
    {
        // grade B occurs only in the control arm, so treated:B has no subject: R gives NA.
        var grade = new[] { 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0, 1, 0 };
        var gradeTerm = new CategoricalCovariate("grade", grade, ["A", "B"], 0);
        var model = CoxModel.Fit(Time, Died, [ArmTerm, gradeTerm, new InteractionCovariate(ArmTerm, gradeTerm)]);
        var dropped = Assert.Single(model.Result.DroppedTerms);
        Assert.Equal(("arm:grade", "treated:B"), (dropped.Variable, dropped.Level));
        Assert.Equal("no analysed subject has this combination of levels", dropped.Reason);
        Assert.DoesNotContain(model.Result.Terms, t => t.Variable == "arm:grade");
        NothingTested(model.TestWithout("arm:grade"), "adds no estimable coefficient");
    }

    [Fact]
    public void CategoricalInteractionLevelsAndLabels()
    {
        var age = new NumericCovariate("age", Age);
        var model = CoxModel.Fit(Time, Died, [ArmTerm, age, new InteractionCovariate(ArmTerm, age)]);
        var column = model.Columns[^1];
        Assert.Equal(("arm:age", "treated"), (column.Variable, column.Level));
        Assert.Equal("arm: treated × age", column.Label);
        Assert.IsType<InteractionCovariate>(column.Covariate);
    }

    [Fact]
    public void NoEventsLeaveNothingToTest()
    {
        var none = new bool[Time.Length];
        var model = CoxModel.Fit(Time, none, [new NumericCovariate("age", Age), new NumericCovariate("marker", Marker)]);
        NothingTested(model.TestWithout("marker"), "no events");
    }

    /// <summary>A test with nothing to test: df 0, no statistic, and a warning that says why.</summary>
    private static void NothingTested(CoxLikelihoodRatioTest test, string why)
    {
        Assert.Equal(0, test.DegreesOfFreedom);
        Assert.Null(test.ChiSquare);
        Assert.Null(test.PValue);
        Assert.Contains(test.Warnings, w => w.Contains(why, StringComparison.Ordinal));
    }

    [Fact]
    public void NamingMistakesAreArgumentErrors()
    {
        var age = new NumericCovariate("age", Age);
        Assert.Throws<ArgumentException>(() => CoxModel.Fit(Time, Died, [age, new PerUnitCovariate("age", Age, 10)]));
        var model = CoxModel.Fit(Time, Died, [age]);
        Assert.Throws<ArgumentException>(() => model.TestWithout("marker"));
        Assert.Throws<ArgumentException>(() => model.TestNonlinearity("age"));
        Assert.Throws<ArgumentException>(() => CoxModel.Fit(Time, Died, [new InteractionCovariate(age, new NumericCovariate("short", [1, 2]))]));
    }
}
