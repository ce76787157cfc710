using System.Globalization;
using Pnen.Data;

namespace Pnen.Benchmarks.Data;

/// <summary>Where the synthetic CSV files live (a scratch folder, never the repository) and how to read them back.</summary>
public static class CohortFiles
{
    /// <summary>Every column of the file, read as the CLI would read it.</summary>
    public static readonly ColumnRequest[] AllColumns =
    [
        new("time", ColumnKind.NonNegative),
        new("status", ColumnKind.Event),
        new("group", ColumnKind.Categorical),
        new("stratum", ColumnKind.Categorical),
        .. Enumerable.Range(0, SyntheticCohort.CovariateCount).Select(i => new ColumnRequest(SyntheticCohort.CovariateName(i), ColumnKind.Numeric)),
    ];

    public static string DefaultFolder => Path.Combine(Path.GetTempPath(), "pnen-benchmarks");

    /// <summary>The file for this cohort, written unless a file of the same rows and seed is already there.</summary>
    public static string Ensure(SyntheticCohort cohort, string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"cohort-v2-{cohort.Rows.ToString(CultureInfo.InvariantCulture)}.csv");
        if (!File.Exists(path))
        {
            var partial = path + ".partial";
            cohort.WriteCsv(partial);
            File.Move(partial, path, overwrite: true);
        }
        return path;
    }
}
