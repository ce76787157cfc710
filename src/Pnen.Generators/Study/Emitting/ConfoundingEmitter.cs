using Pnen.Generators.Common;
using Pnen.Generators.Study.Model;

namespace Pnen.Generators.Study.Emitting;

/// <summary>
/// The typed results of a plan's weighting and adjusted curves: a cohort's <c>Weighting</c> (its class
/// with the weighted hazard ratio by exposure level and <c>Balance</c>, a property per covariate, so that
/// <c>result.Cohort.Weighting.Balance.Age.After</c> and <c>...Balance.Sex[Sex.Female][Surgery.PHR].After</c>
/// compile) and <c>AdjustedCurves</c> (indexed by exposure level).
/// </summary>
internal static class ConfoundingEmitter
{
    private const string Dsl = StudyEmitter.Dsl;
    private const string GeneratedCode = StudyEmitter.GeneratedCode;

    public static string WeightingClass(StudyModel model) => model.ClassName + "Weighting";

    public static string BalanceClass(StudyModel model) => model.ClassName + "Balance";

    /// <summary>The lines of a cohort class's constructor.</summary>
    public static void CohortConstructor(SourceWriter w, StudyModel model)
    {
        if (model.Confounding.Weighting) w.Line("Weighting = new " + model.Qualified(WeightingClass(model)) + "(result.Weighting!);");
    }

    /// <summary>The properties of a cohort class.</summary>
    public static void CohortProperties(SourceWriter w, StudyModel model)
    {
        if (model.Confounding.Weighting)
        {
            w.Line();
            w.Line("/// <summary>The propensity-score weighted analysis: weighted hazard ratios by exposure level, the weights, the balance.</summary>");
            w.Line("public " + model.Qualified(WeightingClass(model)) + " Weighting { get; }");
        }
        if (model.Confounding.AdjustedCurves)
        {
            w.Line();
            w.Line("/// <summary>Survival curves adjusted by direct standardisation: <c>AdjustedCurves[level][time]</c>, <c>AdjustedCurves[level].Rmst</c>.</summary>");
            w.Line("public " + Dsl + "AdjustedCurvesResult<" + model.ExposureType + "> AdjustedCurves => Result.AdjustedCurves!;");
        }
    }

    public static void Emit(SourceWriter w, StudyModel model)
    {
        if (!model.Confounding.Weighting) return;
        var result = Dsl + "WeightingResult<" + model.ExposureType + ">";
        var weighting = WeightingClass(model);
        var balance = BalanceClass(model);

        w.Line("/// <summary>The propensity-score weighted analysis of a cohort: index it with an exposure level for the weighted hazard ratio.</summary>");
        w.Line(GeneratedCode);
        w.Open(model.Accessibility + " sealed class " + weighting);
        w.Open("internal " + weighting + "(" + result + " result)");
        w.Line("Result = result;");
        w.Line("Balance = new " + model.Qualified(balance) + "(result);");
        w.Close();
        w.Line();
        w.Line("/// <summary>Everything the weighting computed (model, weights, curves, Cox model, notes), for enumeration.</summary>");
        w.Line("public " + result + " Result { get; }");
        w.Line();
        w.Line("/// <summary>The balance of each covariate before and after weighting.</summary>");
        w.Line("public " + model.Qualified(balance) + " Balance { get; }");
        w.Line();
        w.Line("/// <summary>The weighted hazard ratio (robust 95% CI) of an exposure level against the reference.</summary>");
        w.Line("public " + Dsl + "Estimate this[" + model.ExposureType + " level] => Result[level];");
        w.Close();
        w.Line();

        w.Line("/// <summary>The standardised differences of each covariate of the propensity model, one property per covariate.</summary>");
        w.Line(GeneratedCode);
        w.Open(model.Accessibility + " sealed class " + balance);
        w.Open("internal " + balance + "(" + result + " result)");
        foreach (var c in model.Confounding.Balance) w.Line(Literals.Identifier(c.Id) + " = result." + Accessor(c) + "(" + Literals.String(c.Id) + ");");
        w.Close();
        foreach (var c in model.Confounding.Balance)
        {
            w.Line();
            w.Line("public " + Type(c, model.ExposureType) + " " + Literals.Identifier(c.Id) + " { get; }");
        }
        w.Close();
        w.Line();
    }

    private static string Type(ResultShape shape, string exposure) => shape.Kind switch
    {
        ResultKind.Levels => Dsl + "CategoricalBalance<" + shape.LevelType + ", " + exposure + ">",
        ResultKind.Cut => Dsl + "CutBalance<" + exposure + ">",
        _ => Dsl + "CovariateBalance<" + exposure + ">",
    };

    private static string Accessor(ResultShape shape) => shape.Kind switch
    {
        ResultKind.Levels => "Categorical<" + shape.LevelType + ">",
        ResultKind.Cut => "Cut",
        _ => "Numeric",
    };
}
