using Pnen.Data;
using Pnen.Dsl.Tests.Codebooks;

namespace Pnen.Dsl.Tests.Loading;

/// <summary>The generated loaders on the public lung and veteran files. Expected counts are those R's
/// survival package documents for these datasets (e.g. summary(lung): 165 deaths, 47 missing meal.cal).</summary>
public sealed class RealFileTests
{
    private static string Data(string file) => Path.Combine(AppContext.BaseDirectory, "TestData", file);

    [Fact]
    public void LungLoadsWithItsOwnColumnNames()
    {
        var lung = Codebook.Load<LungPatient>(Data("lung.csv"));

        Assert.Equal(228, lung.Count);
        Assert.Equal(165, lung.Rows.Count(p => p.Died));
        Assert.Equal(138, lung.Rows.Count(p => p.Sex == Sex.Male));
        Assert.Equal(1, lung.Rows.Count(p => p.Institution is null));
        Assert.Equal(1, lung.Rows.Count(p => p.PhEcog is null));
        Assert.Equal(1, lung.Rows.Count(p => p.PhKarno is null));
        Assert.Equal(3, lung.Rows.Count(p => p.PatKarno is null));
        Assert.Equal(47, lung.Rows.Count(p => p.MealCal is null));
        Assert.Equal(14, lung.Rows.Count(p => p.WtLoss is null));

        var first = lung.Rows[0];
        Assert.Equal(new LungPatient
        {
            Institution = 3, Time = 306, Age = 74, Sex = Sex.Male, PhEcog = 1, PhKarno = 90, PatKarno = 100,
            MealCal = 1175, WtLoss = null, Died = true,
        }, first);
    }

    [Fact]
    public void LungColumnsHoldTheSameData()
    {
        var lung = Codebook.Load<LungPatient>(Data("lung.csv"));
        var columns = lung.Columns;

        var age = columns.Get(LungPatientVariables.Age).Values;
        Assert.Equal(62.447368421052631, age.Average(), 12);
        Assert.Equal(47, columns.Get(LungPatientVariables.MealCal).Values.Count(double.IsNaN));
        Assert.Equal(165, columns.Get(LungPatientVariables.Died).Values.Count(v => v == 1));

        var sex = columns.Get(LungPatientVariables.Sex);
        Assert.Equal(["Male", "Female"], sex.Levels);
        Assert.Equal(90, sex.Codes.Count(c => c == 1));
        Assert.Same(columns[LungPatientVariables.Time], columns["Time"]);
        Assert.Equal("Time", columns.ToTable().Get<NumericColumn>("Time").Name);
    }

    [Fact]
    public void LungDescriptorsDescribeTheFile()
    {
        var schema = Codebook.SchemaOf<LungPatient>();
        Assert.Equal("LungPatient", schema.RecordName);
        Assert.Equal(["Institution", "Time", "Age", "Sex", "PhEcog", "PhKarno", "PatKarno", "MealCal", "WtLoss", "Died"], schema.Variables.Select(v => v.Name));
        Assert.Equal(["inst", "time", "Age", "Sex", "ph.ecog", "ph.karno", "pat.karno", "meal.cal", "wt.loss", "event"], schema.Variables.Select(v => v.ColumnName));

        var ecog = LungPatientVariables.PhEcog;
        Assert.Same(ecog, schema["PhEcog"]);
        Assert.Equal("ECOG performance score (physician)", ecog.Label);
        Assert.Equal(VariableKind.Continuous, ecog.Kind);
        Assert.Equal(VariableType.Int32, ecog.Type);
        Assert.True(ecog.IsNullable);
        Assert.Equal(new ValueRange(0, 5), ecog.Range);

        Assert.Same(LungPatientVariables.Time, schema.SurvivalTime);
        Assert.Equal("days", schema.SurvivalTime!.Unit);
        Assert.Same(LungPatientVariables.Died, schema.Event);
        Assert.Null(schema.Id);
        Assert.Equal(VariableKind.Categorical, LungPatientVariables.Sex.Kind);
        Assert.Equal(["1"], LungPatientVariables.Sex.Levels[0].Codes);
        Assert.Equal(1, LungPatientVariables.Sex.CodeOf(Sex.Female));
    }

    [Fact]
    public void VeteranLoadsWithCellTypeAsAnEnum()
    {
        var veteran = Codebook.Load<VeteranPatient>(Data("veteran.csv"));

        Assert.Equal(137, veteran.Count);
        Assert.Equal(128, veteran.Rows.Count(p => p.Died));
        Assert.Equal(35, veteran.Rows.Count(p => p.CellType == CellType.Squamous));
        Assert.Equal(48, veteran.Rows.Count(p => p.CellType == CellType.SmallCell));
        Assert.Equal(27, veteran.Rows.Count(p => p.CellType == CellType.Adeno));
        Assert.Equal(27, veteran.Rows.Count(p => p.CellType == CellType.Large));
        Assert.Equal(69, veteran.Rows.Count(p => p.Treatment == Treatment.Standard));
        Assert.Equal(40, veteran.Rows.Count(p => p.PriorTherapy == PriorTherapy.Yes));
        Assert.Equal(new VeteranPatient
        {
            Treatment = Treatment.Standard, CellType = CellType.Squamous, Time = 72, Died = true, Karnofsky = 60,
            MonthsFromDiagnosis = 7, Age = 69, PriorTherapy = PriorTherapy.No,
        }, veteran.Rows[0]);

        var cells = veteran.Columns.Get(VeteranPatientVariables.CellType);
        Assert.Equal(["Squamous", "SmallCell", "Adeno", "Large"], cells.Levels);
        Assert.Equal(["Squamous", "Small cell", "Adenocarcinoma", "Large cell"], VeteranPatientVariables.CellType.Levels.Select(l => l.Label));
        Assert.Equal(48, cells.Codes.Count(c => c == 1));
    }

    [Fact]
    public void RowsAndColumnsAgreeOnEveryValue()
    {
        var veteran = Codebook.Load<VeteranPatient>(Data("veteran.csv"));
        var karno = veteran.Columns.Get(VeteranPatientVariables.Karnofsky).Values;
        var time = veteran.Columns.Get(VeteranPatientVariables.Time).Values;
        var died = veteran.Columns.Get(VeteranPatientVariables.Died).Values;
        var cells = veteran.Columns.Get(VeteranPatientVariables.CellType).Codes;
        for (var i = 0; i < veteran.Count; i++)
        {
            var row = veteran.Rows[i];
            Assert.Equal(row.Karnofsky, karno[i]);
            Assert.Equal(row.Time, time[i]);
            Assert.Equal(row.Died ? 1 : 0, died[i]);
            Assert.Equal(row.CellType, VeteranPatientVariables.CellType.ValueOf(cells[i]));
        }
    }

    [Fact]
    public void WhereKeepsBothViewsAligned()
    {
        var veteran = Codebook.Load<VeteranPatient>(Data("veteran.csv"));
        var small = veteran.Where(p => p.CellType == CellType.SmallCell);

        Assert.Equal(48, small.Count);
        Assert.Equal(48, small.Columns.RowCount);
        Assert.All(small.Columns.Get(VeteranPatientVariables.CellType).Codes, c => Assert.Equal(1, c));
        Assert.Equal(small.Rows.Select(r => (double)r.Age), small.Columns.Get(VeteranPatientVariables.Age).Values);
    }
}
