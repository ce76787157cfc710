using System.Runtime.CompilerServices;

// The report's formatting rules (numbers, axes, text metrics) are tested directly, not only through files.
[assembly: InternalsVisibleTo("Pnen.Report.Tests")]
