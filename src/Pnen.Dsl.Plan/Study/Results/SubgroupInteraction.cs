namespace Pnen.Dsl;

/// <summary>
/// Whether the exposure's effect differs between a subgroup and the rest of the records eligible for
/// it: the likelihood-ratio test of exposure × membership in a Cox model of the exposure and membership
/// (stratified as the plan is), fitted to the final cohort less the subgroup's own exclusions. This is
/// the test to read, not a comparison of the subgroups' own P values. <see cref="Test"/> is null when
/// membership does not vary or no product term can be estimated; <see cref="Note"/> says why.
/// </summary>
public sealed record SubgroupInteraction(TestResult? Test, int Eligible, int Members, string? Note)
{
    public double? P => Test?.P;
}
