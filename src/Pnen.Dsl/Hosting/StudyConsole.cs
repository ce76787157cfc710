using System.Globalization;

namespace Pnen.Dsl.Hosting;

/// <summary>
/// What a study run tells the person at the terminal: progress for long steps while it runs, and a
/// short summary at the end (where the report is, the cohort counts, any notes). With --quiet, or
/// when output is redirected, progress stays silent and the summary plain.
/// </summary>
internal sealed class StudyConsole
{
    private readonly TextWriter _out;
    private readonly bool _quiet;
    private readonly bool _showProgress;
    private readonly object _gate = new();

    /// <param name="quiet">--quiet: only the final line.</param>
    /// <param name="showProgress">False when output goes to a file or pipe: no progress lines there.</param>
    public StudyConsole(TextWriter output, bool quiet, bool showProgress)
    {
        _out = output;
        _quiet = quiet;
        _showProgress = showProgress && !quiet;
        Progress = new Reporter(this);
    }

    public IProgress<string> Progress { get; }

    public void Step(string message)
    {
        if (!_showProgress) return;
        lock (_gate) _out.Write($"  {message}\n");
    }

    public void Summary<TX>(StudyRun<TX> run) where TX : notnull
    {
        var result = run.Result;
        var flow = result.Flow;
        var arms = string.Join(", ", flow.Arms.Select(a => $"{a.Level} {a.Count}"));
        var text = new System.Text.StringBuilder();
        // The documents first: they are what a reader opens; the rest are their tables and figures.
        var documents = run.Written.Where(f => !f.Contains('/')).OrderBy(f => f.EndsWith(".html", StringComparison.Ordinal) ? 0 : 1).ThenBy(f => f, StringComparer.Ordinal).ToArray();
        var others = run.Written.Count - documents.Length;
        text.Append(CultureInfo.InvariantCulture, $"{result.Name}: report in {Path.GetFullPath(run.Arguments.Output)} ({string.Join(", ", documents)}{(others > 0 ? $" and {others} tables and figures" : "")})\n");
        if (!_quiet)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {flow.Population} {flow.Recruited} -> final cohort {flow.Final} ({arms}); {result.Cohort.Events} events\n");
            foreach (var subgroup in flow.Subgroups)
            {
                text.Append(CultureInfo.InvariantCulture, $"  subgroup {subgroup.Name}: {subgroup.Count} ({string.Join(", ", subgroup.Arms.Select(a => $"{a.Level} {a.Count}"))})\n");
            }
            var notes = result.Cohort.Notes.Select(n => n.Describe()).Concat(result.Subgroups.SelectMany(s => s.Notes.Select(n => $"{s.Name}: {n.Describe()}"))).ToArray();
            if (notes.Length > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {notes.Length} note{(notes.Length == 1 ? "" : "s")} (see the report):\n");
                foreach (var note in notes.Take(5)) text.Append("    - ").Append(note).Append('\n');
                if (notes.Length > 5) text.Append(CultureInfo.InvariantCulture, $"    ... and {notes.Length - 5} more\n");
            }
        }
        lock (_gate) _out.Write(text.ToString());
    }

    private sealed class Reporter(StudyConsole console) : IProgress<string>
    {
        public void Report(string value) => console.Step(value);
    }
}
