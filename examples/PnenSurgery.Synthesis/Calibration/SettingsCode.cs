using System.Globalization;
using System.Text;
using PnenSurgery.Synthesis.Survival;

namespace PnenSurgery.Synthesis.Calibration;

/// <summary>The members of <see cref="GeneratorSettings"/> for a calibration result, as C# to
/// paste: doubles in round-trip form, so the stored model is exactly the calibrated one.</summary>
public static class SettingsCode
{
    public static string Format(CalibrationResult result)
    {
        var p = result.Parameters;
        var text = new StringBuilder();
        text.Append(Invariant($"    public const ulong Seed = {result.Seed};\n\n"));
        text.Append(Invariant($"    public const int Shuffle = {result.Shuffle};\n\n"));
        text.Append(Invariant($"    public const double LateHazardRatio = {R(p.LateHazardRatio)};\n\n"));
        text.Append("    public static readonly double[] Beta =\n    [\n");
        for (var i = 0; i < p.Beta.Length; i++)
        {
            text.Append(Invariant($"        {R(p.Beta[i])}, // {Coefficient.Names[i]}: HR {Math.Exp(p.Beta[i]):0.000}\n"));
        }
        text.Append("    ];\n\n");
        text.Append(Invariant($"    public const double Scale = {R(p.Scale)};\n\n"));
        text.Append(Invariant($"    public const double AccrualExponent = {R(p.AccrualExponent)};\n"));
        return text.ToString();
    }

    private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
