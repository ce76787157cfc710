using System.Runtime.CompilerServices;

namespace Pnen.Stats.Hypothesis;

internal sealed partial class FisherNetwork
{
    /// <summary>The paths reaching one node: distinct past log-weights with multiplicities.</summary>
    private sealed class Node(int[] rows)
    {
        private const double Resolution = 1e9; // pasts closer than 1e-9 in log are the same value
        private Dictionary<long, int>? _index = [];
        private List<double>? _pastList = [];
        private List<double>? _weightList = [];

        public int[] Rows { get; } = rows;

        /// <summary>Pasts in ascending order (after <see cref="Seal"/>).</summary>
        public double[] Past { get; private set; } = [];

        public double[] Weight { get; private set; } = [];

        /// <summary>Prefix[i] = Σ over the first i paths of weight · exp(past − MaxPast).</summary>
        public double[] Prefix { get; private set; } = [];

        public double MaxPast { get; private set; }

        public int Count => Past.Length;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]

        public void Add(double past, double weight)
        {
            var key = (long)Math.Round(past * Resolution);
            if (_index!.TryGetValue(key, out var at))
            {
                _weightList![at] += weight;
                return;
            }
            _index[key] = _pastList!.Count;
            _pastList.Add(past);
            _weightList!.Add(weight);
        }

        /// <summary>Ends the adding: sorts the paths by past and builds the prefix sums.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public Node Seal()
        {
            Past = [.. _pastList!];
            Weight = [.. _weightList!];
            Array.Sort(Past, Weight);
            MaxPast = Past[^1];
            Prefix = new double[Past.Length + 1];
            for (var e = 0; e < Past.Length; e++) Prefix[e + 1] = Prefix[e] + Weight[e] * Math.Exp(Past[e] - MaxPast);
            _index = null;
            _pastList = null;
            _weightList = null;
            return this;
        }
    }
}
