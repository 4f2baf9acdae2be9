namespace Cradle.Measure.Sampling;

/// <summary>
/// Receives the sampler's batches (about one a second), e.g. to append them to the run store in one transaction. Called
/// from the sampler's thread, then once more from the thread that calls <see cref="Sampler.Stop"/>; never concurrently.
/// </summary>
public interface ISampleSink
{
    /// <summary>Takes one batch: every sensor's readings since the previous batch, in read order; never empty.</summary>
    /// <param name="batch">The samples; the sink may keep the list.</param>
    void Append(IReadOnlyList<SensorSample> batch);
}
