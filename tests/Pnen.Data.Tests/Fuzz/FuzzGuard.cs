namespace Pnen.Data.Tests.Fuzz;

/// <summary>
/// Runs a fuzz loop on a worker and fails, naming the input, if one input has not finished within a
/// minute: a bound against a hang (or a reader that is not linear), never a timing assertion.
/// </summary>
public static class FuzzGuard
{
    public static readonly TimeSpan PerInput = TimeSpan.FromMinutes(1);

    /// <param name="inputs">How many inputs to run.</param>
    /// <param name="run">Runs input i; throws to fail the test.</param>
    /// <param name="describe">Describes input i for a failure message.</param>
    public static void Run(int inputs, Action<int> run, Func<int, string> describe)
    {
        var current = -1;
        var finished = 0;
        // A thread of its own: the readers under test use the thread pool (Parallel.For), which must not wait on it.
        var worker = Task.Factory.StartNew(() =>
        {
            for (var i = 0; i < inputs; i++)
            {
                Volatile.Write(ref current, i);
                try
                {
                    run(i);
                }
                catch (Exception e)
                {
                    throw new FuzzFailure($"input {i} failed: {describe(i)}", e);
                }
                Interlocked.Increment(ref finished);
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var lastSeen = -1;
        while (!worker.Wait(PerInput))
        {
            var now = Volatile.Read(ref finished);
            Assert.True(now != lastSeen, $"input {Volatile.Read(ref current)} did not finish within {PerInput.TotalSeconds} s: {describe(Volatile.Read(ref current))}");
            lastSeen = now;
        }
        worker.GetAwaiter().GetResult(); // rethrows an assertion failure of the worker
        Assert.Equal(inputs, finished);
    }
}

/// <summary>A fuzz input that failed, with the input (base64) in the message and the failure inside.</summary>
public sealed class FuzzFailure(string message, Exception inner) : Exception(message, inner);
