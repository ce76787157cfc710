namespace Pnen.Dsl;

/// <summary>Analyses within a selection of a cohort (e.g. one arm): each effect is analysed as a
/// characteristic is, among the selected records.</summary>
public sealed class WithinResult
{
    internal WithinResult(SelectionDeclaration declaration, int n, int events, IReadOnlyList<CharacteristicResult> effects)
    {
        Declaration = declaration;
        N = n;
        Events = events;
        Effects = effects;
    }

    public SelectionDeclaration Declaration { get; }

    public string Id => Declaration.Id;

    public string Name => Declaration.Name;

    public int N { get; }

    public int Events { get; }

    public IReadOnlyList<CharacteristicResult> Effects { get; }

    /// <summary>An effect by its stable id (its generated property name), for generated code.</summary>
    public CharacteristicResult Effect(string id) => Effects.FirstOrDefault(e => e.Id == id)
        ?? throw new InvalidOperationException($"The selection {Name} has no effect with id '{id}': the generated code and the plan disagree, which is a bug in Pnen.");
}

/// <summary>One level of a characteristic: its survival and its univariable hazard ratio.</summary>
public sealed record LevelResult(LevelSurvival? Survival, Estimate? HazardRatio);

/// <summary>A categorical characteristic indexed by its levels' values: <c>cohort.Characteristics.CellType[CellType.Adeno]</c>.</summary>
public sealed class CategoricalCharacteristic<TLevel>(CharacteristicResult result) where TLevel : notnull
{
    public CharacteristicResult Result { get; } = result;

    public TestResult? LogRank => Result.LogRank;

    public double? P => Result.P;

    public LevelResult this[TLevel level]
    {
        get
        {
            for (var i = 0; i < Result.LevelValues.Count; i++)
            {
                if (Equals(Result.LevelValues[i], level))
                {
                    var (survival, estimate) = Result.Level(i);
                    return new LevelResult(survival, estimate);
                }
            }
            throw new ArgumentOutOfRangeException(nameof(level), level, $"Not a level of {Result.Label}.");
        }
    }
}

/// <summary>A cut characteristic: <see cref="Low"/> is the level below (or at most) the threshold, <see cref="High"/> the other.</summary>
public sealed class CutCharacteristic(CharacteristicResult result)
{
    public CharacteristicResult Result { get; } = result;

    public TestResult? LogRank => Result.LogRank;

    public double? P => Result.P;

    public LevelResult Low => Level(0);

    public LevelResult High => Level(1);

    private LevelResult Level(int code)
    {
        var (survival, estimate) = Result.Level(code);
        return new LevelResult(survival, estimate);
    }
}
