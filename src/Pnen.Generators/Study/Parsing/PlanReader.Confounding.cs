using Microsoft.CodeAnalysis.CSharp.Syntax;
using Pnen.Shared;

namespace Pnen.Generators.Study.Parsing;

// The builder lambdas of .Weighting and .AdjustedCurves.
internal sealed partial class PlanReader
{
    private WeightingStep ReadWeighting(Call call)
    {
        var weighting = new WeightingStep(call.NameLocation);
        weighting.IsComplete = ReadBuilder(Arguments.Expression(call, PlanVocabulary.WeightingParameter, 0), c =>
        {
            switch (c.Name)
            {
                case PlanVocabulary.Ate:
                case PlanVocabulary.Att:
                    weighting.Estimand = c.Name;
                    weighting.EstimandLocation = c.NameLocation;
                    foreach (var covariate in Arguments.Params(c, PlanVocabulary.CovariatesParameter, 0))
                    {
                        if (_values.Read(covariate) is { } variable) weighting.Covariates.Add(variable);
                    }
                    break;
                case PlanVocabulary.Focal:
                    weighting.Focal = c.NameLocation;
                    break;
                case PlanVocabulary.Truncate:
                    weighting.TruncateLower = Number(c, PlanVocabulary.LowerParameter, 0) ?? weighting.TruncateLower;
                    weighting.TruncateUpper = Number(c, PlanVocabulary.UpperParameter, 1) ?? weighting.TruncateUpper;
                    break;
            }
        });
        return weighting;
    }

    private AdjustedCurvesStep ReadAdjustedCurves(Call call)
    {
        var curves = new AdjustedCurvesStep(call.NameLocation);
        curves.IsComplete = ReadBuilder(Arguments.Expression(call, PlanVocabulary.CurvesParameter, 0), c =>
        {
            switch (c.Name)
            {
                case PlanVocabulary.Model:
                    curves.Model = Arguments.Named(c, PlanVocabulary.NameParameter, 0, _model, _cancellationToken) ?? new NamedStep(null, c.NameLocation);
                    break;
                case PlanVocabulary.Adjust:
                    curves.HasCovariates = true;
                    foreach (var covariate in Arguments.Params(c, PlanVocabulary.CovariatesParameter, 0))
                    {
                        if (_values.Read(covariate) is { } variable) curves.Covariates.Add(variable);
                    }
                    break;
                case PlanVocabulary.SurvivalAt:
                    foreach (var time in Arguments.Params(c, PlanVocabulary.TimesParameter, 0))
                    {
                        curves.Times.Add(new TimeStep(Arguments.Number(time, _model, _cancellationToken), time.GetLocation()));
                    }
                    break;
                case PlanVocabulary.RestrictedMean:
                    curves.Tau = Number(c, PlanVocabulary.TauParameter, 0) ?? curves.Tau;
                    break;
                case PlanVocabulary.Bootstrap:
                    curves.Bootstrap = c.NameLocation;
                    curves.Replicates = Number(c, PlanVocabulary.ReplicatesParameter, 0);
                    curves.HasSeed = Arguments.Expression(c, PlanVocabulary.SeedParameter, 1) is { } seed && !IsNull(seed);
                    break;
            }
        });
        return curves;
    }

    /// <summary>An argument as a constant number (null value when it is not one) with where it is written; null when absent.</summary>
    private TimeStep? Number(Call call, string parameter, int position) =>
        Arguments.Expression(call, parameter, position) is { } expression
            ? new TimeStep(Arguments.Number(expression, _model, _cancellationToken), expression.GetLocation())
            : null;

    private bool IsNull(ExpressionSyntax expression) => _model.GetConstantValue(expression, _cancellationToken) is { HasValue: true, Value: null };
}
