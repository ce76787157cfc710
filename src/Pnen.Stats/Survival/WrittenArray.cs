namespace Pnen.Stats.Survival;

/// <summary>
/// A zeroed array whose pages have been written once, for arrays that are then updated in place
/// (<c>a[i] += v</c>) in an order other than the allocation's. A large array comes from pages the
/// runtime knows are zero and does not clear; on Linux the first read of such a page maps the
/// shared zero page and the first write then copies it and flushes that page from every core the
/// process has run on (an inter-processor interrupt, a VM exit under a hypervisor). Writing the
/// zeros first costs one plain page fault per page instead. At a million rows the concordance's
/// read-modify-writes spent more time in those two faults than in counting.
/// </summary>
internal static class WrittenArray
{
    public static T[] Zeroed<T>(int length) where T : unmanaged
    {
        var array = GC.AllocateUninitializedArray<T>(length);
        array.AsSpan().Clear();
        return array;
    }
}
