using Pnen.Data;

namespace Pnen.Dsl;

/// <summary>Entry points for code that names the record type: <c>Codebook.Load&lt;Patient&gt;("cohort.csv")</c>.</summary>
public static class Codebook
{
    public static CodebookSchema SchemaOf<T>() where T : ICodebook<T> => T.Schema;

    public static CodebookData<T> Load<T>(string path) where T : ICodebook<T> => T.Load(path);

    /// <summary>Reads a data file of any format Pnen reads, with options such as the sheet of a workbook.</summary>
    public static CodebookData<T> Load<T>(string path, ReadOptions options) where T : ICodebook<T> => T.Load(path, options);

    public static CodebookData<T> Load<T>(Stream stream, string name, ReadOptions options) where T : ICodebook<T> => T.Load(stream, name, options);

    public static CodebookData<T> Load<T>(TextReader reader, string name) where T : ICodebook<T> => T.Load(reader, name);

    public static CodebookData<T> Load<T>(Stream stream, string name) where T : ICodebook<T> => T.Load(stream, name);
}
