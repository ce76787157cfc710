using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Pnen.Generators.Tests.Infrastructure;

/// <summary>What the codebook and study generators' incremental tests assert of a second run: the
/// cache held, and no model keeps a compiler object alive (which would defeat the cache and leak
/// memory in the IDE).</summary>
internal static class IncrementalAssert
{
    private static readonly Type[] Forbidden = [typeof(ISymbol), typeof(SyntaxNode), typeof(Compilation), typeof(Location), typeof(SemanticModel), typeof(SyntaxTree)];

    public static void CachedOrUnchanged(GeneratorRunResult run, string step)
    {
        var reasons = run.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();
        Assert.NotEmpty(reasons);
        Assert.All(reasons, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {r}"));
    }

    public static void NothingReEmitted(GeneratorRunResult run)
    {
        var outputs = run.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToArray();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    /// <summary>Walks every field and element of the models the steps produced.</summary>
    public static void NoCompilerObject(GeneratorRunResult run, IEnumerable<string> steps)
    {
        var values = steps.SelectMany(n => run.TrackedSteps[n]).SelectMany(s => s.Outputs).Select(o => o.Value).ToArray();
        Assert.NotEmpty(values);
        foreach (var value in values) NoCompilerObject(value, new HashSet<object>(ReferenceEqualityComparer.Instance), "model");
    }

    private static void NoCompilerObject(object? value, HashSet<object> seen, string path)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value is Enum) return;
        var type = value.GetType();
        var bad = Forbidden.FirstOrDefault(f => f.IsAssignableFrom(type));
        Assert.True(bad is null, $"{path} holds a {bad?.Name} ({type.FullName})");
        if (!type.IsValueType && !seen.Add(value)) return;

        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items) NoCompilerObject(item, seen, $"{path}[{i++}]");
        }
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                NoCompilerObject(field.GetValue(value), seen, path + "." + field.Name);
            }
        }
    }
}
