using Pnen.Dsl;
using static ColonAdjuvant.Audit.RReference;

namespace ColonAdjuvant.Audit;

/// <summary>
/// Every number of Audit/r-reference.json beside the study's own, reached through the typed results the
/// generator makes from the plan (a renamed model or variable is a compile error here, not a silent
/// mismatch). R names a term variable + level ("rxLev+5FU", "extentSerosa"); the pairs below say which
/// typed result each one is.
/// </summary>
public static class RAgreement
{
    private const double Estimate = 1e-6;
    private const double PValue = 1e-5;
    private const double Count = 0;

    public static IReadOnlyList<Agreement> Build(ColonAdjuvantStudyResult result)
    {
        var rows = new List<Agreement>();
        var cohort = result.Cohort;
        void Add(string section, string item, double? r, double? pnen, double tolerance) => rows.Add(new Agreement(section, item, r, pnen, tolerance));

        Add("Cohort", "patients", At("n"), cohort.N, Count);
        Add("Cohort", "deaths", At("events"), cohort.Events, Count);
        Add("Cohort", "log-rank P by treatment", At("logrank_p"), cohort.Result.ExposureLogRank.PValue, PValue);
        Add("Univariate", "log-rank P: sex", At("univariate_p", "sex"), cohort.Characteristics.Sex.P, PValue);
        Add("Univariate", "log-rank P: obstruction", At("univariate_p", "obstruct"), cohort.Characteristics.Obstruction.P, PValue);
        Add("Univariate", "log-rank P: more than 4 nodes", At("univariate_p", "node4"), cohort.Characteristics.MoreThanFourNodes.P, PValue);
        Add("Univariate", "log-rank P: differentiation", At("univariate_p", "differ"), cohort.Characteristics.Differentiation.P, PValue);
        Add("Univariate", "log-rank P: extent", At("univariate_p", "extent"), cohort.Characteristics.Extent.P, PValue);

        foreach (var (arm, r) in Arms)
        {
            var curve = cohort[arm];
            Add("Arms", $"{r}: patients", At("arms", r, "n"), curve.N, Count);
            Add("Arms", $"{r}: deaths", At("arms", r, "events"), curve.Events, Count);
            Add("Arms", $"{r}: median survival", At("arms", r, "median"), curve.Median.Time, Estimate);
            double[] times = [365, 1095, 1825];
            for (var i = 0; i < times.Length; i++)
            {
                var point = cohort.SurvivalAt[arm][times[i]];
                Add("Survival at fixed times", $"{r}: S({times[i]})", At(i, "arms", r, "survival"), point.Survival, Estimate);
                Add("Survival at fixed times", $"{r}: S({times[i]}) lower", At(i, "arms", r, "lower"), point.Lower, Estimate);
                Add("Survival at fixed times", $"{r}: S({times[i]}) upper", At(i, "arms", r, "upper"), point.Upper, Estimate);
            }
            Add("Restricted mean", $"{r}: RMST to 1825", At("arms", r, "rmst"), cohort.RestrictedMean[arm].Mean, Estimate);
            Add("Restricted mean", $"{r}: RMST standard error", At("arms", r, "rmst_se"), cohort.RestrictedMean[arm].StdErr, Estimate);
        }

        var models = cohort.Models;
        HazardRatios(rows, "Crude", "crude", [("rxLev", models.Crude[Treatment.Levamisole]), ("rxLev+5FU", models.Crude[Treatment.LevamisoleFluorouracil])]);
        var adjusted = models.Adjusted;
        HazardRatios(rows, "Adjusted", "adjusted",
        [
            ("rxLev", adjusted[Treatment.Levamisole]), ("rxLev+5FU", adjusted[Treatment.LevamisoleFluorouracil]),
            ("age10", adjusted.Age.Estimate), ("sexMale", adjusted.Sex[Sex.Male]), ("obstructYes", adjusted.Obstruction[true]),
            ("perforYes", adjusted.Perforation[true]), ("adhereYes", adjusted.Adherence[true]), ("node4Yes", adjusted.MoreThanFourNodes[true]),
            ("differModerate", adjusted.Differentiation[Differentiation.Moderate]), ("differPoor", adjusted.Differentiation[Differentiation.Poor]),
            ("extentMuscle", adjusted.Extent[Extent.Muscle]), ("extentSerosa", adjusted.Extent[Extent.Serosa]),
            ("extentContiguous structures", adjusted.Extent[Extent.Contiguous]), ("surgLong", adjusted.SurgeryDelay[SurgeryDelay.Long]),
        ]);
        Add("Adjusted", "patients analysed", At("adjusted", "n"), adjusted.Result.N, Count);
        ModelCheckAgreement.Add(rows, "Adjusted", adjusted.Result,
        [
            ("rx", adjusted.Result.Exposure.ProportionalHazards), ("age10", adjusted.Age.ProportionalHazards), ("sex", adjusted.Sex.ProportionalHazards),
            ("obstruct", adjusted.Obstruction.ProportionalHazards), ("perfor", adjusted.Perforation.ProportionalHazards), ("adhere", adjusted.Adherence.ProportionalHazards),
            ("node4", adjusted.MoreThanFourNodes.ProportionalHazards), ("differ", adjusted.Differentiation.ProportionalHazards),
            ("extent", adjusted.Extent.ProportionalHazards), ("surg", adjusted.SurgeryDelay.ProportionalHazards),
        ], "adjusted");
        ModelCheckAgreement.Add(rows, "Crude", models.Crude.Result, [("rx", models.Crude.Result.Exposure.ProportionalHazards)], "crude");
        var stratified = models.StratifiedByExtent;
        HazardRatios(rows, "Stratified by extent", "stratified",
        [
            ("rxLev", stratified[Treatment.Levamisole]), ("rxLev+5FU", stratified[Treatment.LevamisoleFluorouracil]),
            ("age10", stratified.Age.Estimate), ("sexMale", stratified.Sex[Sex.Male]), ("node4Yes", stratified.MoreThanFourNodes[true]),
            ("differPoor", stratified.Differentiation[Differentiation.Poor]),
        ]);
        ModelCheckAgreement.Add(rows, "Stratified by extent", stratified.Result,
        [
            ("rx", stratified.Result.Exposure.ProportionalHazards), ("age10", stratified.Age.ProportionalHazards), ("sex", stratified.Sex.ProportionalHazards),
            ("obstruct", stratified.Obstruction.ProportionalHazards), ("node4", stratified.MoreThanFourNodes.ProportionalHazards),
            ("differ", stratified.Differentiation.ProportionalHazards),
        ], "stratified");
        var spline = models.NodesAsASpline;
        HazardRatios(rows, "Nodes as a spline", "spline", [("rxLev", spline[Treatment.Levamisole]), ("rxLev+5FU", spline[Treatment.LevamisoleFluorouracil])]);
        Add("Nodes as a spline", "non-linearity chi-square", At("spline", "nonlinearity", "chisq"), spline.Nodes.Nonlinearity?.ChiSquare, Estimate);
        Add("Nodes as a spline", "non-linearity P", At("spline", "nonlinearity", "p"), spline.Nodes.Nonlinearity?.P, PValue);
        Add("Nodes as a spline", "overall P", At("spline", "overall", "p"), spline.Nodes.Overall?.P, PValue);
        for (var k = 0; k < 4; k++) Add("Nodes as a spline", $"knot {k + 1}", At(k, "spline", "knots"), spline.Nodes.Knots?[k], Estimate);
        ModelCheckAgreement.Add(rows, "Nodes as a spline", spline.Result,
        [
            ("rx", spline.Result.Exposure.ProportionalHazards), ("age10", spline.Age.ProportionalHazards), ("sex", spline.Sex.ProportionalHazards),
            ("differ", spline.Differentiation.ProportionalHazards), ("extent", spline.Extent.ProportionalHazards), ("ns(nodes, df = 3)", spline.Nodes.ProportionalHazards),
        ], "spline");
        var interaction = models.TreatmentByNodes;
        Add("Treatment by nodes", "interaction chi-square", At("interaction", "test", "chisq"), interaction.TreatmentByMoreThanFourNodes.Test?.ChiSquare, Estimate);
        Add("Treatment by nodes", "interaction P", At("interaction", "test", "p"), interaction.TreatmentByMoreThanFourNodes.P, PValue);
        ModelCheckAgreement.Add(rows, "Treatment by nodes", interaction.Result,
        [
            ("rx", interaction.Result.Exposure.ProportionalHazards), ("node4", interaction.MoreThanFourNodes.ProportionalHazards),
            ("rx:node4", interaction.TreatmentByMoreThanFourNodes.ProportionalHazards),
        ], "interaction");

        foreach (var (subgroup, r) in new[] { (result.Subgroups.MoreThan4Nodes, "more_than_4"), (result.Subgroups.AtMost4Nodes, "at_most_4") })
        {
            var section = $"Subgroup {subgroup.Name}";
            HazardRatios(rows, section, r, [("rxLev", subgroup.Models.Crude[Treatment.Levamisole]), ("rxLev+5FU", subgroup.Models.Crude[Treatment.LevamisoleFluorouracil])], "subgroups", r, "crude");
            Add(section, "log-rank P", At("subgroups", r, "logrank_p"), subgroup.Result.ExposureLogRank.PValue, PValue);
            Add(section, "P for interaction", At("interaction", "test", "p"), subgroup.Interaction?.P, PValue);
            ModelCheckAgreement.Add(rows, section, subgroup.Models.Crude.Result, [("rx", subgroup.Models.Crude.Result.Exposure.ProportionalHazards)], "subgroups", r, "crude");
        }
        return rows;
    }

    private static readonly (Treatment Arm, string R)[] Arms =
        [(Treatment.Observation, "Obs"), (Treatment.Levamisole, "Lev"), (Treatment.LevamisoleFluorouracil, "Lev+5FU")];

    private static void HazardRatios(List<Agreement> rows, string section, string model, IEnumerable<(string Term, Pnen.Dsl.Estimate Mine)> terms, params string[] prefix)
    {
        var path = prefix.Length == 0 ? [model] : prefix;
        foreach (var (term, mine) in terms)
        {
            rows.Add(new Agreement(section, $"{term}: HR", At([.. path, "terms", term, "hr"]), mine.HazardRatio, Estimate));
            rows.Add(new Agreement(section, $"{term}: lower", At([.. path, "terms", term, "lower"]), mine.Lower, Estimate));
            rows.Add(new Agreement(section, $"{term}: upper", At([.. path, "terms", term, "upper"]), mine.Upper, Estimate));
            rows.Add(new Agreement(section, $"{term}: P", At([.. path, "terms", term, "p"]), mine.P, PValue));
        }
    }
}
