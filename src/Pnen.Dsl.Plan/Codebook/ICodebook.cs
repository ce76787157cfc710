using Pnen.Data;

namespace Pnen.Dsl;

/// <summary>
/// What the generator implements on a <see cref="CodebookAttribute"/> record, so that generic code
/// (<c>Study.Of&lt;Patient&gt;()</c>) reaches the schema and the loader through the type alone.
/// The members are implemented explicitly so they never clash with a variable's name; call them as
/// <c>T.Load(path)</c> in generic code, or through <see cref="Codebook"/>.
/// </summary>
public interface ICodebook<TSelf>
    where TSelf : ICodebook<TSelf>
{
    static abstract CodebookSchema Schema { get; }

    /// <summary>Reads every record of <paramref name="source"/> strictly: all the errors or all the data.</summary>
    /// <exception cref="DataException">The file does not match the codebook; every error found (up to
    /// <see cref="DataErrorCollector.Capacity"/>) names the file, row, column and value.</exception>
    static abstract CodebookData<TSelf> Read(CsvSource source);

    /// <summary>Reads a data file of any format Pnen reads (<see cref="DataFormat"/>, by extension).</summary>
    static virtual CodebookData<TSelf> Load(string path) => TSelf.Load(path, ReadOptions.Default);

    /// <summary>Reads a data file with options (the sheet of a workbook).</summary>
    static virtual CodebookData<TSelf> Load(string path, ReadOptions options)
    {
        using var source = CsvSource.Open(path, options);
        return TSelf.Read(source);
    }

    /// <summary>Reads text already open; <paramref name="name"/> names it in errors. The reader is disposed.</summary>
    static virtual CodebookData<TSelf> Load(TextReader reader, string name)
    {
        using var source = CsvSource.Open(reader, name);
        return TSelf.Read(source);
    }

    /// <summary>Reads a file's bytes: <paramref name="name"/> names it in errors and its extension picks
    /// the format (CSV text must be UTF-8; a BOM is fine, invalid bytes are an error, as for a file).
    /// The stream is left open for its owner.</summary>
    static virtual CodebookData<TSelf> Load(Stream stream, string name) => TSelf.Load(stream, name, ReadOptions.Default);

    /// <summary>Reads a file's bytes with options (the sheet of a workbook).</summary>
    static virtual CodebookData<TSelf> Load(Stream stream, string name, ReadOptions options)
    {
        using var source = CsvSource.Open(stream, name, options);
        return TSelf.Read(source);
    }
}
