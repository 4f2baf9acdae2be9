using System.Globalization;
using Cradle.Store;
using Cradle.Store.Postgres;

// Usage: Cradle.Store.Writer LOCATION RUN-NAME OFFSETS BATCH
// Opens the store (migrating a new one, as every process of a job does at once), starts run RUN-NAME with sensors
// "cpu" and "gpu0", appends OFFSETS samples per sensor at offsets 0, 1, …, OFFSETS-1 s in batches of BATCH offsets
// (energy = 10 J × offset for gpu0, 1 J × offset for cpu), finishes it complete and prints its id.
if (args.Length != 4)
{
    await Console.Error.WriteLineAsync("usage: Cradle.Store.Writer LOCATION RUN-NAME OFFSETS BATCH");
    return 2;
}

var offsets = int.Parse(args[2], CultureInfo.InvariantCulture);
var batch = int.Parse(args[3], CultureInfo.InvariantCulture);
using var store = RunStores.Open(args[0]);
var run = store.CreateRun(new NewRun(args[1], "Cradle.Store.Writer", Environment.MachineName, Environment.CurrentDirectory,
    Environment.ProcessId, null, InferenceMetadata.None));
store.AddSensors(run.Id,
[
    new Sensor("cpu", "test-cpu", "test", SensorProvenance.Modelled, "written by the concurrency test"),
    new Sensor("gpu0", "test-gpu", "test", SensorProvenance.Measured, "written by the concurrency test"),
]);
for (var first = 0; first < offsets; first += batch)
{
    var samples = new List<Sample>();
    for (var t = first; t < Math.Min(first + batch, offsets); t++)
    {
        samples.Add(new Sample(run.Id, "cpu", t, 1.0 * t, null, null, null));
        samples.Add(new Sample(run.Id, "gpu0", t, 10.0 * t, null, null, null));
    }

    store.AppendSamples(samples);
}

store.FinishRun(run.Id, RunStatus.Complete, 0);
Console.WriteLine(run.Id);
return 0;
