using Pnen.Dsl;
using static ColonAdjuvant.Audit.RReference;

namespace ColonAdjuvant.Audit;

/// <summary>
/// The model checks of Audit/r-reference.json beside the study's: each model's proportional hazards test
/// (R's cox.zph, km transform: chi-square and P per term and globally) and concordance (summary(coxph):
/// C and its standard error), reached through the typed results. R names a term as its formula writes it
/// ("age10", "differ", "ns(nodes, df = 3)", "rx:node4"); the pairs say which typed term each one is.
/// </summary>
internal static class ModelCheckAgreement
{
    private const double Statistic = 1e-6;
    private const double PValue = 1e-5;

    public static void Add<TX>(List<Agreement> rows, string section, ModelResult<TX> model, IEnumerable<(string R, TestResult? Mine)> terms, params string[] path)
        where TX : notnull
    {
        rows.Add(new Agreement(section, "concordance", At([.. path, "concordance", "c"]), model.Concordance?.C, Statistic));
        rows.Add(new Agreement(section, "concordance standard error", At([.. path, "concordance", "se"]), model.Concordance?.StdErr, Statistic));
        foreach (var (term, mine) in terms.Append(("GLOBAL", model.ProportionalHazards?.Global)))
        {
            rows.Add(new Agreement(section, $"cox.zph {term}: chi-square", At([.. path, "zph", term, "chisq"]), mine?.ChiSquare, Statistic));
            rows.Add(new Agreement(section, $"cox.zph {term}: P", At([.. path, "zph", term, "p"]), mine?.P, PValue));
        }
    }
}
