using Cradle.Measure.Sampling;

namespace Cradle.Measure.Nvml;

/// <summary>
/// Watches which processes use each GPU while a command is measured. NVML's energy is the whole device's: this tells
/// whether the command ran on a GPU at all (a wrong <c>--gpus</c> or <c>CUDA_VISIBLE_DEVICES</c> shows) and whether
/// other processes shared it. A sink decorator: after each batch is handed on, it compares every GPU's process list (read
/// with that batch's readings, on the same thread) with the command's process tree.
/// </summary>
public sealed class GpuUseWatch : ISampleSink
{
    private readonly ISampleSink _inner;
    private readonly IReadOnlyList<NvmlGpuSensor> _gpus;
    private readonly Func<IReadOnlyCollection<int>?> _commandPids;
    private readonly HashSet<int> _everInTree = [];
    private readonly Tally[] _tallies;

    /// <summary>Creates the watch.</summary>
    /// <param name="inner">The sink the batches go to first (the store).</param>
    /// <param name="gpus">The GPUs measured.</param>
    /// <param name="commandPids">The command's process tree now (root first); null when it cannot be read or has
    /// ended. Pids seen in earlier calls stay the command's, so a process that has just exited is not taken for another
    /// user of the GPU.</param>
    public GpuUseWatch(ISampleSink inner, IReadOnlyList<NvmlGpuSensor> gpus, Func<IReadOnlyCollection<int>?> commandPids)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _gpus = gpus ?? throw new ArgumentNullException(nameof(gpus));
        _commandPids = commandPids ?? throw new ArgumentNullException(nameof(commandPids));
        _tallies = [.. gpus.Select(_ => new Tally())];
    }

    /// <summary>Per GPU, in the order given; read after the sampler has stopped.</summary>
    public IReadOnlyList<GpuUse> Uses => [.. _gpus.Select((gpu, i) => _tallies[i].ToUse(gpu))];

    /// <inheritdoc/>
    public void Append(IReadOnlyList<SensorSample> batch)
    {
        _inner.Append(batch);
        Observe();
    }

    /// <summary>Compares each GPU's last process list with the command's tree once.</summary>
    public void Observe()
    {
        if (_gpus.Count == 0)
        {
            return; // no GPU to compare with: the process tree need not be read
        }

        if (_commandPids() is { } now)
        {
            _everInTree.UnionWith(now);
        }

        for (var i = 0; i < _gpus.Count; i++)
        {
            _tallies[i].Add(_gpus[i].Processes, _everInTree);
        }
    }

    private sealed class Tally
    {
        private readonly SortedSet<int> _command = [];
        private readonly SortedSet<int> _others = [];
        private ulong? _peakMemory;
        private int _listings;
        private int _unavailable;
        private string? _reason;

        public void Add(GpuProcessList list, HashSet<int> commandTree)
        {
            if (list.Processes is not { } processes)
            {
                _unavailable++;
                _reason = list.UnavailableReason;
                return;
            }

            _listings++;
            ulong? memory = null;
            foreach (var p in processes)
            {
                if (commandTree.Contains(p.Pid))
                {
                    _command.Add(p.Pid);
                    if (p.UsedGpuMemoryBytes is { } bytes)
                    {
                        memory = (memory ?? 0) + bytes;
                    }
                }
                else
                {
                    _others.Add(p.Pid);
                }
            }

            if (memory is { } m && (_peakMemory is null || m > _peakMemory))
            {
                _peakMemory = m;
            }
        }

        public GpuUse ToUse(NvmlGpuSensor gpu) => new(
            gpu.Id, gpu.DeviceLabel, [.. _command], _peakMemory, [.. _others], _listings, _unavailable, _reason);
    }
}
