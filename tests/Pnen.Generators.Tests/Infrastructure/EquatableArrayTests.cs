using Pnen.Generators.Common;

namespace Pnen.Generators.Tests.Infrastructure;

/// <summary>Generator models depend on this comparing by content: otherwise nothing is ever cached.</summary>
public sealed class EquatableArrayTests
{
    [Fact]
    public void EqualContentIsEqual()
    {
        var a = new EquatableArray<string>(["x", "y"]);
        var b = new EquatableArray<string>(new List<string> { "x", "y" });
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void OrderAndLengthMatter()
    {
        var a = new EquatableArray<string>(["x", "y"]);
        Assert.NotEqual(a, new EquatableArray<string>(["y", "x"]));
        Assert.NotEqual(a, new EquatableArray<string>(["x"]));
    }

    [Fact]
    public void DefaultEqualsEmpty()
    {
        Assert.Equal(default, EquatableArray<string>.Empty);
        Assert.Empty(default(EquatableArray<string>));
    }
}
