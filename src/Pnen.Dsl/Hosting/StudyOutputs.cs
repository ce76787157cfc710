namespace Pnen.Dsl.Hosting;

/// <summary>Writes the outputs of a run into its output folder (the report, the tables, the figures).</summary>
internal static class StudyOutputs
{
    public static void Write<TX>(StudyRun<TX> run, StudyConsole console) where TX : notnull
    {
        // The report writer (issue 6) plugs in here.
        console.Step("writing the report");
        run.Written = [];
    }
}
