using System.Runtime.CompilerServices;

namespace Pnen.Stats.Hypothesis;

// What happens to each filling of a column (see FisherNetwork.cs).
internal sealed partial class FisherNetwork
{
    private interface IFillingVisitor
    {
        /// <summary>One filling of column k: its log-weight and the (sorted) row totals left after it.</summary>
        bool Visit(FisherNetwork network, int k, double delta, int[] child);
    }

    private struct BoundsVisitor() : IFillingVisitor
    {
        public double Heaviest = double.NegativeInfinity;
        public double Lightest = double.PositiveInfinity;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]

        public bool Visit(FisherNetwork network, int k, double delta, int[] child)
        {
            if (network.Bounds(k + 1, child) is not var (heaviest, lightest)) return false;
            Heaviest = Math.Max(Heaviest, delta + heaviest);
            Lightest = Math.Min(Lightest, delta + lightest);
            return true;
        }
    }

    /// <summary>Collects the weight of each completion of a node with two columns left.</summary>
    private readonly struct CompletionVisitor(List<double> completions) : IFillingVisitor
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool Visit(FisherNetwork network, int k, double delta, int[] child)
        {
            var forced = delta;
            foreach (var x in child) forced -= network._logF[x];
            completions.Add(forced);
            return true;
        }
    }

    /// <summary>
    /// Carries a node's paths along one filling. The paths are sorted by past, so those whose every
    /// completion counts form a prefix (added in one step from the prefix sums), those with none a
    /// suffix (dropped), and only the straddling ones in between are stored at the child node.
    /// </summary>
    private readonly struct ExtendVisitor(Node node, Dictionary<long, Node> next) : IFillingVisitor
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool Visit(FisherNetwork network, int k, double delta, int[] child)
        {
            var past = node.Past;
            // Cheap bounds first; the exact ones (a recursion over the child's subtree) only when
            // the cheap ones leave some path undecided.
            var (heaviest, lightest) = network.RelaxedBounds(k + 1, child);
            var counted = UpperBound(past, network._threshold - delta - heaviest);
            var kept = UpperBound(past, network._threshold - delta - lightest);
            if (kept > counted)
            {
                if (network.Bounds(k + 1, child) is not { } exact) return false;
                (heaviest, lightest) = exact;
                counted = UpperBound(past, network._threshold - delta - heaviest);
                kept = UpperBound(past, network._threshold - delta - lightest);
            }
            if (counted > 0)
            {
                network._p += node.Prefix[counted] *
                    Math.Exp(network._constant + node.MaxPast + delta + network.LogSubtree(k + 1, child));
            }
            if (kept > counted)
            {
                var key = network.Key(child);
                if (!next.TryGetValue(key, out var target))
                {
                    target = new Node((int[])child.Clone());
                    next[key] = target;
                }
                for (var e = counted; e < kept; e++) target.Add(past[e] + delta, node.Weight[e]);
                network._work += kept - counted;
            }
            return network._work <= network._budget;
        }
    }
}
