using System.Collections.Generic;
using System.Linq;
using Pnen.Generators.Common;
using Pnen.Generators.Study.Model;

namespace Pnen.Generators.Study.Emitting;

/// <summary>
/// Writes a study's typed results: <c>{Study}Result</c> (flow, cohort, subgroups), a cohort class with
/// its characteristics, models, survival at fixed times, restricted means and selections, and one
/// class per model with a property per term, so that
/// <c>result.Cohort.Models.Adjusted[Treatment.Test].HazardRatio</c> and
/// <c>result.Subgroups.Older.Characteristics.CellType.LogRank.P</c> compile, and a misspelling does not.
/// Every property is resolved when the result is wrapped, by the plan's stable ids, so a generated
/// class and a plan that disagreed would fail the first run of any test, not a user's report.
/// </summary>
internal static class ResultEmitter
{
    private const string Dsl = StudyEmitter.Dsl;
    private const string GeneratedCode = StudyEmitter.GeneratedCode;

    public static void Emit(SourceWriter w, StudyModel model)
    {
        var names = new ClassNames(model);
        w.Line();
        EmitResult(w, model, names);
        var planSelections = model.Selections.Select(s => (s, "")).ToList();
        EmitCohort(w, model, names, names.Cohort, planSelections, names.Selections, "the final cohort and every subgroup");
        EmitSubgroups(w, model, names);
        if (model.Characteristics.Count > 0) EmitCharacteristics(w, model, names);
        if (model.Models.Count > 0) EmitModels(w, model, names);
        if (model.ImmortalTime) EmitImmortalTime(w, model, names);
        EmitSelections(w, model, names, names.Selections, planSelections);
        ConfoundingEmitter.Emit(w, model);
        foreach (var subgroup in model.Subgroups.Where(s => s.Selections.Count > 0))
        {
            // A subgroup's cohort has the plan's selections and its own (whose classes carry its name).
            var selections = planSelections.Concat(subgroup.Selections.Where(s => !model.Selections.Any(p => p.Id == s.Id)).Select(s => (s, subgroup.Property))).ToList();
            EmitCohort(w, model, names, names.SubgroupCohort(subgroup), selections, names.SubgroupSelections(subgroup), $"the subgroup {Literals.Xml(Literals.String(subgroup.Name))}");
            EmitSelections(w, model, names, names.SubgroupSelections(subgroup), selections);
        }
    }

    private static void EmitResult(SourceWriter w, StudyModel model, ClassNames names)
    {
        var study = Dsl + "StudyResult<" + model.ExposureType + ">";
        w.Line("/// <summary>The result of the study " + Literals.Xml(Literals.String(model.StudyName)) + ": the flow, the final cohort and each subgroup as a property.</summary>");
        w.Line(GeneratedCode);
        w.Open(model.Accessibility + " sealed class " + model.ResultClassName);
        w.Line("/// <summary>Wraps the untyped result of the plan, e.g. one returned by <c>Plan.Execute</c>.</summary>");
        w.Open("public " + model.ResultClassName + "(" + study + " study)");
        w.Line("Study = study ?? throw new global::System.ArgumentNullException(nameof(study));");
        w.Line("Cohort = new " + names.Qualified(names.Cohort) + "(study.Cohort);");
        w.Line("Subgroups = new " + names.Qualified(model.SubgroupsClassName) + "(study);");
        w.Close();
        w.Line();
        w.Line("/// <summary>The result as the plan's executor returns it (declaration, cohorts, for renderers).</summary>");
        w.Line("public " + study + " Study { get; }");
        w.Line();
        w.Line("/// <summary>The cohort flow: recruited, each exclusion in order, the final cohort and the subgroups.</summary>");
        w.Line("public " + Dsl + "FlowResult Flow => Study.Flow;");
        w.Line();
        w.Line("/// <summary>The analyses of the final cohort.</summary>");
        w.Line("public " + names.Qualified(names.Cohort) + " Cohort { get; }");
        w.Line();
        w.Line("/// <summary>The analyses of each subgroup the plan declares, one property per subgroup.</summary>");
        w.Line("public " + names.Qualified(model.SubgroupsClassName) + " Subgroups { get; }");
        w.Close();
        w.Line();
    }

    private static void EmitSubgroups(SourceWriter w, StudyModel model, ClassNames names)
    {
        var study = Dsl + "StudyResult<" + model.ExposureType + ">";
        w.Line("/// <summary>The subgroups of the study " + Literals.Xml(Literals.String(model.StudyName)) + ", in plan order.</summary>");
        w.Line(GeneratedCode);
        w.Open(model.Accessibility + " sealed class " + model.SubgroupsClassName);
        w.Open("internal " + model.SubgroupsClassName + "(" + study + " study)");
        foreach (var subgroup in model.Subgroups)
        {
            var cohort = subgroup.Selections.Count > 0 ? names.SubgroupCohort(subgroup) : names.Cohort;
            w.Line(Literals.Identifier(subgroup.Property) + " = new " + names.Qualified(cohort) + "(study.Subgroup(" + Literals.String(subgroup.Property) + "));");
        }
        w.Close();
        foreach (var subgroup in model.Subgroups)
        {
            var cohort = subgroup.Selections.Count > 0 ? names.SubgroupCohort(subgroup) : names.Cohort;
            w.Line();
            w.Line("/// <summary>The subgroup " + Literals.Xml(Literals.String(subgroup.Name)) + ".</summary>");
            w.Line("public " + names.Qualified(cohort) + " " + Literals.Identifier(subgroup.Property) + " { get; }");
        }
        w.Close();
        w.Line();
    }

    private static void EmitCohort(SourceWriter w, StudyModel model, ClassNames names, string className, List<(SelectionShape Shape, string Owner)> selections, string selectionsClass, string what)
    {
        var cohort = Dsl + "CohortResult<" + model.ExposureType + ">";
        w.Line("/// <summary>The analyses of one cohort of the study (" + what + "), with a typed property for each part of the plan.</summary>");
        w.Line(GeneratedCode);
        w.Open(model.Accessibility + " sealed class " + className);
        w.Open("internal " + className + "(" + cohort + " result)");
        w.Line("Result = result;");
        if (model.Characteristics.Count > 0) w.Line("Characteristics = new " + names.Qualified(names.Characteristics) + "(result);");
        if (model.Models.Count > 0) w.Line("Models = new " + names.Qualified(names.Models) + "(result.Models);");
        if (model.ImmortalTime) w.Line("ImmortalTime = new " + names.Qualified(names.ImmortalTime) + "(result.ImmortalTime!);");
        if (selections.Count > 0) w.Line("Selections = new " + names.Qualified(selectionsClass) + "(result);");
        ConfoundingEmitter.CohortConstructor(w, model);
        w.Close();
        w.Line();
        w.Line("/// <summary>The untyped result of the cohort (every part, for enumeration).</summary>");
        w.Line("public " + cohort + " Result { get; }");
        w.Line();
        w.Line("public string Name => Result.Name;");
        w.Line();
        w.Line("public int N => Result.N;");
        w.Line();
        w.Line("public int Events => Result.Events;");
        w.Line();
        w.Line("/// <summary>The Kaplan-Meier curve of an exposure level.</summary>");
        w.Line("public global::Pnen.Stats.Survival.KaplanMeierCurve this[" + model.ExposureType + " level] => Result[level];");
        if (model.Characteristics.Count > 0)
        {
            w.Line();
            w.Line("/// <summary>The univariate analysis of each characteristic.</summary>");
            w.Line("public " + names.Qualified(names.Characteristics) + " Characteristics { get; }");
        }
        if (model.Models.Count > 0)
        {
            w.Line();
            w.Line("/// <summary>Each model of the plan.</summary>");
            w.Line("public " + names.Qualified(names.Models) + " Models { get; }");
        }
        if (model.ImmortalTime)
        {
            w.Line();
            w.Line("/// <summary>The immortal-time check: the models naive, time-dependent and at each landmark.</summary>");
            w.Line("public " + names.Qualified(names.ImmortalTime) + " ImmortalTime { get; }");
        }
        if (model.SurvivalAt)
        {
            w.Line();
            w.Line("/// <summary>Survival at the plan's times per exposure level: <c>SurvivalAt[level][time]</c>.</summary>");
            w.Line("public " + Dsl + "SurvivalAtResult<" + model.ExposureType + "> SurvivalAt => Result.SurvivalAt!;");
        }
        if (model.RestrictedMean)
        {
            w.Line();
            w.Line("/// <summary>Restricted mean survival per exposure level, with the difference from the reference.</summary>");
            w.Line("public " + Dsl + "RestrictedMeanResult<" + model.ExposureType + "> RestrictedMean => Result.RestrictedMean!;");
        }
        ConfoundingEmitter.CohortProperties(w, model);
        w.Line();
        w.Line("/// <summary>A subgroup's P for interaction of the exposure with membership (null for the final cohort).</summary>");
        w.Line("public " + Dsl + "SubgroupInteraction? Interaction => Result.Interaction;");
        if (selections.Count > 0)
        {
            w.Line();
            w.Line("/// <summary>The analyses within selections.</summary>");
            w.Line("public " + names.Qualified(selectionsClass) + " Selections { get; }");
        }
        w.Close();
        w.Line();
    }

    private static void EmitCharacteristics(SourceWriter w, StudyModel model, ClassNames names)
    {
        var cohort = Dsl + "CohortResult<" + model.ExposureType + ">";
        w.Line("/// <summary>The univariate analysis of each characteristic of the plan.</summary>");
        w.Line(GeneratedCode);
        w.Open(model.Accessibility + " sealed class " + names.Characteristics);
        w.Open("internal " + names.Characteristics + "(" + cohort + " result)");
        foreach (var c in model.Characteristics) w.Line(Literals.Identifier(c.Id) + " = " + Characteristic(c, "result.Characteristic(" + Literals.String(c.Id) + ")") + ";");
        w.Close();
        foreach (var c in model.Characteristics)
        {
            w.Line();
            w.Line("public " + CharacteristicType(c) + " " + Literals.Identifier(c.Id) + " { get; }");
        }
        w.Close();
        w.Line();
    }

    private static void EmitModels(SourceWriter w, StudyModel model, ClassNames names)
    {
        var set = Dsl + "ModelSet<" + model.ExposureType + ">";
        w.Line("/// <summary>The models of the plan, one property per model.</summary>");
        w.Line(GeneratedCode);
        w.Open(model.Accessibility + " sealed class " + names.Models);
        w.Open("internal " + names.Models + "(" + set + " result)");
        foreach (var m in model.Models) w.Line(Literals.Identifier(m.Id) + " = new " + names.Qualified(names.Model(m)) + "(result.Model(" + Literals.String(m.Id) + "));");
        w.Close();
        foreach (var m in model.Models)
        {
            w.Line();
            w.Line("/// <summary>The model " + Literals.Xml(Literals.String(m.Name)) + ".</summary>");
            w.Line("public " + names.Qualified(names.Model(m)) + " " + Literals.Identifier(m.Id) + " { get; }");
        }
        w.Close();
        w.Line();

        var result = Dsl + "ModelResult<" + model.ExposureType + ">";
        foreach (var m in model.Models)
        {
            var className = names.Model(m);
            w.Line("/// <summary>The model " + Literals.Xml(Literals.String(m.Name)) + ": index it with an exposure level; each term is a property.</summary>");
            w.Line(GeneratedCode);
            w.Open(model.Accessibility + " sealed class " + className);
            w.Open("internal " + className + "(" + result + " result)");
            w.Line("Result = result;");
            foreach (var t in m.Terms) w.Line(Literals.Identifier(t.Id) + " = result." + TermAccessor(t) + "(" + Literals.String(t.Id) + ");");
            w.Close();
            w.Line();
            w.Line("/// <summary>The fitted model (terms, tests, records analysed), for enumeration.</summary>");
            w.Line("public " + result + " Result { get; }");
            w.Line();
            w.Line("/// <summary>The hazard ratio of an exposure level against the reference.</summary>");
            w.Line("public " + Dsl + "Estimate this[" + model.ExposureType + " level] => Result[level];");
            w.Line();
            w.Line("/// <summary>The proportional hazards tests (cox.zph) and residual plots; each term has its own test too.</summary>");
            w.Line("public " + Dsl + "ProportionalHazardsResult? ProportionalHazards => Result.ProportionalHazards;");
            w.Line();
            w.Line("/// <summary>Harrell's C of the model with its standard error.</summary>");
            w.Line("public " + Dsl + "ModelConcordance? Concordance => Result.Concordance;");
            foreach (var t in m.Terms)
            {
                w.Line();
                w.Line("public " + TermType(t) + " " + Literals.Identifier(t.Id) + " { get; }");
            }
            w.Close();
            w.Line();
        }
    }

    private static void EmitImmortalTime(SourceWriter w, StudyModel model, ClassNames names)
    {
        var result = Dsl + "ImmortalTimeResult<" + model.ExposureType + ">";
        var landmark = Dsl + "LandmarkResult<" + model.ExposureType + ">";
        var models = model.Models.Count > 0;
        w.Line("/// <summary>The immortal-time check: every model naive, time-dependent and at each landmark.</summary>");
        w.Line(GeneratedCode);
        w.Open(model.Accessibility + " sealed class " + names.ImmortalTime);
        w.Open("internal " + names.ImmortalTime + "(" + result + " result)");
        w.Line("Result = result;");
        if (models)
        {
            w.Line("Naive = new " + names.Qualified(names.Models) + "(result.Naive);");
            w.Line("TimeDependent = new " + names.Qualified(names.Models) + "(result.TimeDependent);");
        }
        w.Close();
        w.Line();
        w.Line("/// <summary>Everything the check computed (curves, the Mantel-Byar test, counts), for enumeration.</summary>");
        w.Line("public " + result + " Result { get; }");
        if (models)
        {
            w.Line();
            w.Line("/// <summary>The models with the exposure as if it held from time 0.</summary>");
            w.Line("public " + names.Qualified(names.Models) + " Naive { get; }");
            w.Line();
            w.Line("/// <summary>The models with the exposure time-dependent.</summary>");
            w.Line("public " + names.Qualified(names.Models) + " TimeDependent { get; }");
        }
        w.Line();
        w.Line("/// <summary>The landmark analysis at one of the plan's landmark times.</summary>");
        w.Line("public " + names.Qualified(names.Landmark) + " this[double time] => new " + names.Qualified(names.Landmark) + "(Result[time]);");
        w.Close();
        w.Line();

        w.Line("/// <summary>A landmark analysis: the patients followed at the landmark, by their exposure then.</summary>");
        w.Line(GeneratedCode);
        w.Open(model.Accessibility + " sealed class " + names.Landmark);
        w.Open("internal " + names.Landmark + "(" + landmark + " result)");
        w.Line("Result = result;");
        if (models) w.Line("Models = new " + names.Qualified(names.Models) + "(result.Models);");
        w.Close();
        w.Line();
        w.Line("public " + landmark + " Result { get; }");
        w.Line();
        w.Line("public double Time => Result.Time;");
        w.Line();
        w.Line("public int N => Result.N;");
        w.Line();
        w.Line("public int Events => Result.Events;");
        if (models)
        {
            w.Line();
            w.Line("public " + names.Qualified(names.Models) + " Models { get; }");
        }
        w.Close();
        w.Line();
    }

    private static void EmitSelections(SourceWriter w, StudyModel model, ClassNames names, string className, List<(SelectionShape Shape, string Owner)> selections)
    {
        if (selections.Count == 0) return;
        var cohort = Dsl + "CohortResult<" + model.ExposureType + ">";
        w.Line("/// <summary>The analyses within selections of a cohort, one property per selection.</summary>");
        w.Line(GeneratedCode);
        w.Open(model.Accessibility + " sealed class " + className);
        w.Open("internal " + className + "(" + cohort + " result)");
        foreach (var (s, owner) in selections) w.Line(Literals.Identifier(s.Id) + " = new " + names.Qualified(names.Selection(s, owner)) + "(result.Selection(" + Literals.String(s.Id) + "));");
        w.Close();
        foreach (var (s, owner) in selections)
        {
            w.Line();
            w.Line("/// <summary>The selection " + Literals.Xml(Literals.String(s.Name)) + ".</summary>");
            w.Line("public " + names.Qualified(names.Selection(s, owner)) + " " + Literals.Identifier(s.Id) + " { get; }");
        }
        w.Close();
        w.Line();

        foreach (var (s, owner) in selections.Where(x => names.FirstSelection(x.Shape, x.Owner)))
        {
            var selectionClass = names.Selection(s, owner);
            w.Line("/// <summary>The analysis within the selection " + Literals.Xml(Literals.String(s.Name)) + ": each effect is a property.</summary>");
            w.Line(GeneratedCode);
            w.Open(model.Accessibility + " sealed class " + selectionClass);
            w.Open("internal " + selectionClass + "(" + Dsl + "WithinResult result)");
            w.Line("Result = result;");
            foreach (var e in s.Effects) w.Line(Literals.Identifier(e.Id) + " = " + Characteristic(e, "result.Effect(" + Literals.String(e.Id) + ")") + ";");
            w.Close();
            w.Line();
            w.Line("public " + Dsl + "WithinResult Result { get; }");
            w.Line();
            w.Line("public int N => Result.N;");
            w.Line();
            w.Line("public int Events => Result.Events;");
            foreach (var e in s.Effects)
            {
                w.Line();
                w.Line("public " + CharacteristicType(e) + " " + Literals.Identifier(e.Id) + " { get; }");
            }
            w.Close();
            w.Line();
        }
    }

    private static string CharacteristicType(ResultShape shape) => shape.Kind switch
    {
        ResultKind.Levels => Dsl + "CategoricalCharacteristic<" + shape.LevelType + ">",
        ResultKind.Cut => Dsl + "CutCharacteristic",
        _ => Dsl + "CharacteristicResult",
    };

    private static string Characteristic(ResultShape shape, string lookup) => shape.Kind switch
    {
        ResultKind.Levels or ResultKind.Cut => "new " + CharacteristicType(shape) + "(" + lookup + ")",
        _ => lookup,
    };

    private static string TermType(ResultShape shape) => shape.Kind switch
    {
        ResultKind.Levels => Dsl + "CategoricalTerm<" + shape.LevelType + ">",
        ResultKind.Cut => Dsl + "CutTerm",
        ResultKind.Spline => Dsl + "SplineTerm",
        ResultKind.Interaction => Dsl + "InteractionTerm",
        _ => Dsl + "NumericTerm",
    };

    private static string TermAccessor(ResultShape shape) => shape.Kind switch
    {
        ResultKind.Levels => "Categorical<" + shape.LevelType + ">",
        ResultKind.Cut => "Cut",
        ResultKind.Spline => "Spline",
        ResultKind.Interaction => "Interaction",
        _ => "Numeric",
    };

    /// <summary>The generated classes' names, all prefixed with the study class's name.</summary>
    private sealed class ClassNames(StudyModel model)
    {
        private readonly HashSet<string> _emittedSelections = [];

        public string Cohort => model.ClassName + "Cohort";

        public string Characteristics => model.ClassName + "Characteristics";

        public string Models => model.ClassName + "Models";

        public string Selections => model.ClassName + "Selections";

        public string ImmortalTime => model.ClassName + "ImmortalTime";

        public string Landmark => model.ClassName + "Landmark";

        public string Model(ModelShape m) => model.ClassName + m.Id + "Model";

        /// <param name="owner">The subgroup's property for a selection of its own; empty for the plan's.</param>
        public string Selection(SelectionShape s, string owner) => model.ClassName + owner + s.Id + "Selection";

        public string SubgroupCohort(SubgroupModel s) => model.ClassName + s.Property + "Cohort";

        public string SubgroupSelections(SubgroupModel s) => model.ClassName + s.Property + "Selections";

        /// <summary>Whether a selection's class is still to be written (a plan-level selection appears in every cohort).</summary>
        public bool FirstSelection(SelectionShape s, string owner) => _emittedSelections.Add(owner + "." + s.Id);

        public string Qualified(string name) => model.Qualified(name);
    }
}
