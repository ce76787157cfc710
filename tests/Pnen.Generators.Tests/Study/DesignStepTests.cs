namespace Pnen.Generators.Tests.Study;

/// <summary>
/// .Randomised() and .Survival(..., unit:, report:) are read through like any step: the generator
/// binds the plan before the codebook generator has made its record a codebook, so a step the
/// binder could not resolve there (an extension method constrained to codebooks did not) would
/// leave every later step unread, silently: no typed characteristics, models or subgroups.
/// </summary>
public class DesignStepTests
{
    [Theory]
    [InlineData(".Randomised()")]
    [InlineData(".Survival(p => p.OsMonths, p => p.Died, unit: TimeUnit.Months, report: TimeUnit.Years)")]
    public async Task TheStepsAfterADesignStepAreRead(string step)
    {
        // In place of the plan's .Survival(p => p.OsMonths, p => p.Died), or right after Study.Of.
        var source = step.StartsWith(".Survival", StringComparison.Ordinal)
            ? StudySources.Surgery.Replace(".Survival(p => p.OsMonths, p => p.Died)", step, StringComparison.Ordinal)
            : StudySources.Surgery.Replace("Study.Of<Patient>(\"pNEN-sHM surgery\")", "Study.Of<Patient>(\"pNEN-sHM surgery\")" + step, StringComparison.Ordinal);
        Assert.NotEqual(StudySources.Surgery, source);
        var (run, output) = StudyCompiler.Generate(StudySources.Patient, source);
        var generated = run.GeneratedSources.Single().SourceText.ToString();
        Assert.Contains("public global::Cohorts.PnenSurgeryStudyCharacteristics Characteristics", generated);
        Assert.Contains("Adjusted", generated);
        Assert.Contains("BtPnetShm", generated);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Empty(await StudyCompiler.AnalyzeAsync(StudySources.Patient, source));
    }
}
