using Pnen.Generators.Common;

namespace Pnen.Generators.Study.Model;

/// <summary>
/// Everything the emitter needs about one [Study] class, as plain values: no symbol, syntax node or
/// location, so that an edit that leaves the plan's shape alone yields an equal model and nothing is
/// re-emitted.
/// </summary>
/// <param name="Namespace">The containing namespace, or empty for the global namespace.</param>
/// <param name="ClassName">The study class's name.</param>
/// <param name="Accessibility">"public" or "internal": the result classes are no more visible than the
/// study class, its record type and its exposure type.</param>
/// <param name="StudyName">The name given by [Study("...")].</param>
/// <param name="EmbeddedData">[Study(EmbeddedData = "...")], when given.</param>
/// <param name="RecordType">The codebook record, fully qualified (global::...).</param>
/// <param name="ExposureType">The exposure's type, fully qualified (global::... or a keyword such as bool).</param>
/// <param name="Subgroups">The subgroups that get a typed property, in plan order.</param>
/// <param name="Characteristics">The characteristics with a typed result (empty without a univariate analysis).</param>
/// <param name="Models">The models, in plan order.</param>
/// <param name="SurvivalAt">Whether the plan reads survival at fixed times.</param>
/// <param name="RestrictedMean">Whether the plan takes restricted means.</param>
/// <param name="Selections">The plan's own analyses within selections (every cohort has them).</param>
/// <param name="ImmortalTime">Whether the plan declares when the exposure starts (an immortal-time check).</param>
/// <param name="Confounding">The plan's weighting and adjusted curves, if any.</param>
internal sealed record StudyModel(
    string Namespace,
    string ClassName,
    string Accessibility,
    string StudyName,
    string? EmbeddedData,
    string RecordType,
    string ExposureType,
    EquatableArray<SubgroupModel> Subgroups,
    EquatableArray<ResultShape> Characteristics,
    EquatableArray<ModelShape> Models,
    bool SurvivalAt,
    bool RestrictedMean,
    EquatableArray<SelectionShape> Selections,
    bool ImmortalTime,
    ConfoundingShape Confounding)
{
    /// <summary>The study class's fully qualified name, as generated code writes it.</summary>
    public string GlobalName => Qualified(Literals.Identifier(ClassName));

    public string ResultClassName => ClassName + "Result";

    public string SubgroupsClassName => ClassName + "Subgroups";

    public string Qualified(string name) => (Namespace.Length == 0 ? "global::" : "global::" + Namespace + ".") + name;
}
