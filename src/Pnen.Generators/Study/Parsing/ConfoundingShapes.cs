using System;
using System.Collections.Generic;
using System.Linq;
using Pnen.Generators.Common;
using Pnen.Generators.Study.Model;

namespace Pnen.Generators.Study.Parsing;

/// <summary>The typed shape of a plan's weighting (a balance property per covariate whose id is known and
/// free) and adjusted curves; the first of each step counts (a second is an error the analyzer reports).</summary>
internal static class ConfoundingShapes
{
    public static ConfoundingShape Of(PlanSyntax plan, Func<string, IEnumerable<string>, bool> free, Func<VariableStep, string?> levelType)
    {
        var weighting = plan.Weightings.FirstOrDefault();
        var balance = new List<ResultShape>();
        foreach (var covariate in weighting?.Covariates ?? [])
        {
            if (covariate.Id is not { } id || !free(id, balance.Select(b => b.Id)) || covariate.SameVariable(plan.Exposure?.Member) || id == plan.Exposure?.Member?.Name) continue;
            ResultKind? kind = covariate.Kind switch
            {
                ValueKind.Categorical => ResultKind.Levels,
                ValueKind.Cut => ResultKind.Cut,
                ValueKind.Continuous => ResultKind.Number,
                _ => null,
            };
            if (kind is { } k) balance.Add(new ResultShape(id, k, levelType(covariate)));
        }
        return new ConfoundingShape(weighting is not null, balance.ToEquatableArray(), plan.AdjustedCurves.Count > 0);
    }
}
