using Pnen.Stats.Distributions;

namespace Pnen.Stats.Survival;

/// <summary>Pointwise confidence limits of a survival estimate, as R's survfit_confint computes them.</summary>
internal static class ConfidenceBands
{
    public static double Z(double level)
    {
        if (!(level > 0 && level < 1)) throw new ArgumentOutOfRangeException(nameof(level), level, "a confidence level lies in (0, 1)");
        return Normal.Quantile(1 - (1 - level) / 2);
    }

    /// <param name="survival">S(t).</param>
    /// <param name="stdErrLog">Standard error of log S(t); +∞ once S reaches 0.</param>
    public static (double? Lower, double? Upper) Limits(double survival, double stdErrLog, ConfidenceType type, double z)
    {
        switch (type)
        {
            case ConfidenceType.Log:
                if (survival == 0 || !double.IsFinite(stdErrLog)) return (null, null);
                return (survival * Math.Exp(-z * stdErrLog), Math.Min(survival * Math.Exp(z * stdErrLog), 1));

            case ConfidenceType.LogLog:
                if (survival == 0 || survival == 1 || !double.IsFinite(stdErrLog)) return (null, null);
                var logS = Math.Log(survival);
                var shift = z * stdErrLog / logS;
                var centre = Math.Log(-logS);
                return (Math.Exp(-Math.Exp(centre - shift)), Math.Exp(-Math.Exp(centre + shift)));

            case ConfidenceType.Plain:
                if (!double.IsFinite(stdErrLog)) return (null, null);
                var half = z * stdErrLog * survival;
                return (Math.Max(survival - half, 0), Math.Min(survival + half, 1));

            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, null);
        }
    }
}
