namespace Pnen.Dsl;

/// <summary>
/// Marks a partial record as a study codebook: each settable property is a variable of the data
/// file. The Pnen generator adds the variable descriptors (<c>{Record}Variables</c>), a strict loader
/// and a columnar view, all through <see cref="ICodebook{TSelf}"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class CodebookAttribute : Attribute
{
    /// <summary>The tokens that mean "no value" in the file, compared after trimming.
    /// Empty and <c>NA</c> when not set.</summary>
    public string[] MissingValues { get; set; } = ["", "NA"];

    /// <summary>Whether columns of the file that no variable declares are ignored. By default they
    /// are errors, so that a codebook documents every column of the file it reads.</summary>
    public bool IgnoreExtraColumns { get; set; }
}
