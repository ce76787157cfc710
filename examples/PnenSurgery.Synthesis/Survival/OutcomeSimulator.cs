using PnenSurgery.Synthesis.Cohort;

namespace PnenSurgery.Synthesis.Survival;

/// <summary>
/// Event times from the model, observed through administrative censoring and loss to follow-up,
/// rounded to one decimal of a month as the CSV stores them. The calibration calls this many
/// thousand times per seed, so the parts that do not change are computed once: the loss order
/// per cohort, the patients' cumulative-hazard draws E·exp(-η) per set of coefficients.
/// </summary>
public sealed class OutcomeSimulator
{
    private readonly IReadOnlyList<Baseline> _patients;
    private readonly SurvivalDraws _draws;
    private readonly int[] _lossOrder;

    public OutcomeSimulator(IReadOnlyList<Baseline> patients, SurvivalDraws draws)
    {
        _patients = patients;
        _draws = draws;
        _lossOrder = Enumerable.Range(0, patients.Count).OrderBy(i => draws.LossPriority[i]).ThenBy(i => i).ToArray();
    }

    public int Count => _patients.Count;

    /// <summary>Each patient's baseline cumulative hazard at death, E · exp(-η) with E a unit
    /// exponential: the event time is where H0(t) = (that) / 1, H0(t) = t/λ early on.</summary>
    public double[] UnitTimes(IReadOnlyList<double> beta)
    {
        var unit = new double[_patients.Count];
        for (var i = 0; i < unit.Length; i++)
        {
            unit[i] = _draws.Exponential[i] * Math.Exp(-SurvivalModel.LinearPredictor(_patients[i], beta));
        }
        return unit;
    }

    /// <summary>The event time whose baseline cumulative hazard is <paramref name="unit"/>:
    /// t = λ·unit while that is before the change point, slower (or faster) after it.</summary>
    public static double EventTime(double unit, double scale, double lateHazardRatio)
    {
        var early = scale * unit;
        return early <= SurvivalParameters.ChangeMonths
            ? early
            : SurvivalParameters.ChangeMonths + (early - SurvivalParameters.ChangeMonths) / lateHazardRatio;
    }

    public Outcome[] Simulate(SurvivalParameters parameters, bool withLoss = true)
    {
        var time = new double[Count];
        var died = new bool[Count];
        Observe(UnitTimes(parameters.Beta), parameters.Scale, parameters.LateHazardRatio, parameters.AccrualExponent, withLoss, time, died);
        var outcomes = new Outcome[Count];
        for (var i = 0; i < Count; i++) outcomes[i] = new Outcome(time[i], died[i]);
        return outcomes;
    }

    /// <summary>Fills <paramref name="time"/> (rounded months) and <paramref name="died"/>.</summary>
    public void Observe(double[] unit, double scale, double lateHazardRatio, double accrualExponent, bool withLoss, double[] time, bool[] died)
    {
        var n = Count;
        Span<double> eventTime = n <= 512 ? stackalloc double[n] : new double[n];
        Span<double> end = n <= 512 ? stackalloc double[n] : new double[n];
        for (var i = 0; i < n; i++)
        {
            eventTime[i] = EventTime(unit[i], scale, lateHazardRatio);
            end[i] = SurvivalParameters.MinFollowUp
                + (SurvivalParameters.MaxFollowUp - SurvivalParameters.MinFollowUp) * (1 - Math.Pow(_draws.FollowUp[i], accrualExponent));
        }

        if (withLoss)
        {
            // Loss to follow-up after six years: the ten patients still followed at 72 months
            // with the smallest priority draw leave at a uniform time before their own end.
            var lost = 0;
            foreach (var i in _lossOrder)
            {
                if (lost == SurvivalParameters.LostToFollowUp) break;
                var last = Math.Min(eventTime[i], end[i]);
                if (last <= SurvivalParameters.LossAfterMonths) continue;
                end[i] = SurvivalParameters.LossAfterMonths + _draws.LossPosition[i] * (last - SurvivalParameters.LossAfterMonths);
                lost++;
            }
        }

        for (var i = 0; i < n; i++)
        {
            died[i] = eventTime[i] <= end[i];
            var months = Math.Round(Math.Min(eventTime[i], end[i]), 1, MidpointRounding.AwayFromZero);
            time[i] = Math.Max(months, 0.1);
        }
    }
}
