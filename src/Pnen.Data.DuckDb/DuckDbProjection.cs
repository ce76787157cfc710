
namespace Pnen.Data.DuckDb;

/// <summary>
/// A study's data read through DuckDB (the study host's <c>--engine duckdb</c>): only the columns
/// its codebook declares (when it ignores the others; else every column, so an undeclared one is
/// still refused), written by DuckDB to a temporary CSV file in file order and handed to the
/// codebook's own strict reader as a <see cref="CsvSource"/> that names the original file. Errors
/// are the codebook's, with the same rows. Nothing is pushed down: a study's pipeline works on
/// records. Found by the host by name, so Pnen.Dsl does not depend on DuckDB.
/// </summary>
public static class DuckDbProjection
{
    /// <param name="columns">The codebook's columns; those the file lacks are left for the reader to report.</param>
    /// <param name="onlyThese">Read only <paramref name="columns"/> (the codebook ignores other columns).</param>
    public static CsvSource Open(string path, IReadOnlyList<string> columns, bool onlyThese)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var tsv = path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase);
        var copy = Path.Combine(Path.GetTempPath(), $"pnen-study-{Guid.NewGuid():N}.csv");
        using (var file = DuckDbFile.Open(path, DuckDbOptions.FromEnvironment()))
        {
            var read = file.Columns.Where(c => !onlyThese || columns.Contains(c)).ToArray();
            if (read.Length == 0) read = [file.Columns[0]]; // the reader then names the missing columns
            var select = string.Join(", ", read.Select(c => $"{file.Column(c).Text} AS {DuckDbFile.Identifier(c)}"));
            file.Execute($"COPY (SELECT {select} FROM pnen_file) TO {DuckDbFile.Literal(copy)} (HEADER, DELIMITER {DuckDbFile.Literal(tsv ? "\t" : ",")}, QUOTE '\"', ESCAPE '\"')");
        }
        var stream = new FileStream(copy, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.DeleteOnClose | FileOptions.SequentialScan);
        return CsvSource.Open(new StreamReader(stream), path);
    }

}
