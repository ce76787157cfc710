using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Pnen.Generators.Codebook.Parsing;
using Pnen.Generators.Diagnostics;
using Pnen.Generators.Study.Parsing;

namespace Pnen.Generators.Study.Checks;

/// <summary>
/// PNEN070-PNEN076 (and PNEN052 for their times): the plan's .Weighting and .AdjustedCurves, checked as the
/// runtime's steps would reject them, so that a plan that compiles does not stop when it runs; and the
/// determinism rule (a bootstrap takes a seed).
/// </summary>
internal static class ConfoundingChecks
{
    public static void Run(PlanSyntax plan, ProblemSink problems)
    {
        foreach (var (weighting, i) in plan.Weightings.Select((w, i) => (w, i)))
        {
            if (i > 0) problems.Report(StudyDiagnostics.InvalidWeighting, weighting.Location, "is declared twice; a plan has one");
            else if (TimeDependent(plan)) problems.Report(StudyDiagnostics.InvalidWeighting, weighting.Location, "weights a time-dependent exposure (startsAt:), which has no baseline level to weight by; weight the exposure at baseline and check immortal time with .ImmortalTime(...)");
            else Weighting(weighting, plan.Exposure, problems);
        }
        foreach (var (curves, i) in plan.AdjustedCurves.Select((c, i) => (c, i)))
        {
            if (i > 0) problems.Report(StudyDiagnostics.AdjustedCurvesSource, curves.Location, "are declared twice; a plan has one set");
            else if (TimeDependent(plan)) problems.Report(StudyDiagnostics.AdjustedCurvesSource, curves.Location, "standardise a time-dependent exposure (startsAt:), which has no baseline level to set; adjust the exposure at baseline and check immortal time with .ImmortalTime(...)");
            else AdjustedCurves(curves, plan, problems);
        }
    }

    /// <summary>Whether the exposure is time-dependent (<c>startsAt:</c> on .Exposure): the main analyses then split follow-up at its start.</summary>
    private static bool TimeDependent(PlanSyntax plan) => plan.ExposureStarts.Any(s => s.Main);

    private static void Weighting(WeightingStep weighting, ExposureStep? exposure, ProblemSink problems)
    {
        if (weighting.Estimand is null)
        {
            if (weighting.IsComplete) problems.Report(StudyDiagnostics.InvalidWeighting, weighting.Location, "names no estimand: start it with .Ate(covariates...) or .Att(covariates...)");
        }
        else if (weighting.Estimand == Shared.PlanVocabulary.Ate && weighting.Focal is { } focal)
        {
            problems.Report(StudyDiagnostics.InvalidWeighting, focal, "has a focal level, which is for the ATT (.Att(...)), not the ATE");
        }
        else if (weighting.Estimand == Shared.PlanVocabulary.Att && weighting.Focal is null && Levels(exposure?.Type) is >= 3 and var levels)
        {
            problems.Report(StudyDiagnostics.AttWithoutFocal, weighting.EstimandLocation, exposure!.Member?.Name ?? "the exposure", levels);
        }
        Quantile(weighting.TruncateLower, 0, 0.5, problems);
        Quantile(weighting.TruncateUpper, 0.5, 1, problems);
        Covariates(weighting.Covariates, "The propensity model", exposure, StudyDiagnostics.InvalidWeighting, "names {0} twice", problems);
    }

    private static void AdjustedCurves(AdjustedCurvesStep curves, PlanSyntax plan, ProblemSink problems)
    {
        if (curves.Model is { } named)
        {
            if (curves.HasCovariates) problems.Report(StudyDiagnostics.AdjustedCurvesSource, named.Location, "name both a model and covariates; name one of the two");
            else Model(named, curves, plan, problems);
        }
        else if (!curves.HasCovariates && curves.IsComplete)
        {
            problems.Report(StudyDiagnostics.AdjustedCurvesSource, curves.Location, "name neither a model of the plan (.Model(name)) nor covariates (.Adjust(...))");
        }
        Covariates(curves.Covariates, "The adjusted curves", plan.Exposure, StudyDiagnostics.AdjustedCurvesSource, "name {0} twice", problems);

        var seen = new HashSet<double>();
        foreach (var time in curves.Times)
        {
            if (time.Value is not > 0 || double.IsInfinity(time.Value.Value) || !seen.Add(time.Value.Value))
            {
                problems.Report(StudyDiagnostics.InvalidTime, time.Location, ".SurvivalAt", Text(time));
            }
        }
        if (curves.Tau is { } tau && (tau.Value is not > 0 || double.IsInfinity(tau.Value.Value)))
        {
            problems.Report(StudyDiagnostics.InvalidTime, tau.Location, ".RestrictedMean", Text(tau));
        }
        if (curves.Times.Count == 0 && curves.Tau is null && curves.IsComplete) problems.Report(StudyDiagnostics.AdjustedCurvesWithoutTimes, curves.Location);

        if (curves.Bootstrap is { } bootstrap)
        {
            if (curves.Replicates?.Value is not >= 2)
            {
                var replicates = curves.Replicates?.Value is { } n ? $"has {n.ToString(CultureInfo.InvariantCulture)} replicate{(n == 1 ? "" : "s")}" : "has a number of replicates that is not a constant";
                problems.Report(StudyDiagnostics.BootstrapNotDeterministic, curves.Replicates?.Location ?? bootstrap, replicates);
            }
            if (!curves.HasSeed) problems.Report(StudyDiagnostics.BootstrapNotDeterministic, bootstrap, "has no seed");
        }
    }

    /// <summary>The model the curves name: declared before them, without a spline or an interaction.</summary>
    private static void Model(NamedStep named, AdjustedCurvesStep curves, PlanSyntax plan, ProblemSink problems)
    {
        if (named.Name is not { } name)
        {
            problems.Report(StudyDiagnostics.AdjustedCurvesSource, named.Location, "name a model by a name that is not a constant");
            return;
        }
        var model = plan.Models.FirstOrDefault(m => m.Name.Name == name && m.Location.SourceSpan.Start < curves.Location.SourceSpan.Start);
        if (model is null)
        {
            if (plan.IsComplete) problems.Report(StudyDiagnostics.AdjustedCurvesSource, named.Location, $"name the model '{name}', which the plan does not declare before them");
        }
        else if (model.Terms.Any(t => t.IsSpline) || model.Interactions.Count > 0)
        {
            problems.Report(StudyDiagnostics.AdjustedCurvesSource, named.Location,
                $"come from the model '{name}', which has a spline or an interaction; direct standardisation here takes linear and categorical terms, so name another model or the covariates (.Adjust(...))");
        }
    }

    /// <summary>Each covariate a variable (PNEN051, PNEN055, PNEN056), not the exposure (PNEN070), named once.</summary>
    private static void Covariates(List<VariableStep> covariates, string what, ExposureStep? exposure, DiagnosticDescriptor twice, string twiceMessage, ProblemSink problems)
    {
        var ids = new HashSet<string>();
        foreach (var covariate in covariates)
        {
            if (!ValueChecks.Check(covariate, problems)) continue;
            if (exposure?.Member is { } member && (covariate.SameVariable(member) || covariate.Id == member.Name))
            {
                problems.Report(StudyDiagnostics.WeightingByExposure, covariate.Location, what, member.Name);
                continue;
            }
            if (covariate.Id is { } id && !ids.Add(id)) problems.Report(twice, covariate.Location, string.Format(CultureInfo.InvariantCulture, twiceMessage, id));
        }
    }

    private static void Quantile(TimeStep? quantile, double low, double high, ProblemSink problems)
    {
        if (quantile is null) return;
        if (quantile.Value is not { } q || !(q > low && q < high)) problems.Report(StudyDiagnostics.TruncationOutOfRange, quantile.Location, Text(quantile));
    }

    /// <summary>The number of levels of an enum or bool exposure; null when unknown.</summary>
    private static int? Levels(ITypeSymbol? type)
    {
        if (type is null) return null;
        var underlying = DslSymbols.Underlying(type);
        if (underlying.SpecialType == SpecialType.System_Boolean) return 2;
        return underlying.TypeKind == TypeKind.Enum ? underlying.GetMembers().OfType<IFieldSymbol>().Count(f => f.HasConstantValue) : null;
    }

    private static string Text(TimeStep step) => step.Value?.ToString(CultureInfo.InvariantCulture) ?? "the value given";
}
