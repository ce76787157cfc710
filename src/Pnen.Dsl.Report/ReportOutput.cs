namespace Pnen.Dsl.Report;

/// <summary>What <see cref="StudyReport.Write{TX}"/> wrote: the folder (full path) and every file in it, in path order.</summary>
public sealed record ReportOutput(string Directory, IReadOnlyList<ReportFileInfo> Files)
{
    public string PathOf(string relative) => System.IO.Path.Combine(Directory, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));
}
