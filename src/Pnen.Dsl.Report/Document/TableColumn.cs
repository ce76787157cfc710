namespace Pnen.Dsl.Report;

/// <summary>A data column. <see cref="Group"/> spans adjacent columns in the HTML header
/// ("Multivariable analysis" over "Adjusted HR (95% CI)" and "P"); Markdown and CSV use <see cref="FlatHeader"/>.</summary>
public sealed record TableColumn(string Header, string? Group = null, string? FlatHeaderText = null)
{
    public string FlatHeader => FlatHeaderText ?? (Group is null ? Header : $"{Group}: {Header}");
}
