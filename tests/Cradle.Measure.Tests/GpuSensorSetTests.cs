using Cradle.Measure.Nvml;
using Cradle.Measure.Sensors;

namespace Cradle.Measure.Tests;

public sealed class GpuSensorSetTests
{
    private static FakeNvml TwoGpus() => new(
        new FakeGpu("GPU-aaaa1111-0000", "NVIDIA A100 (first)"),
        new FakeGpu("GPU-bbbb2222-0000", "NVIDIA A100 (second)"));

    private static Func<string, string?> Env(params (string Key, string Value)[] vars) =>
        key => vars.Where(v => v.Key == key).Select(v => v.Value).FirstOrDefault();

    [Fact]
    public void Cuda_visible_devices_1_selects_the_second_gpu()
    {
        using var set = GpuSensorSet.Open(TwoGpus(), null, Env(("CUDA_VISIBLE_DEVICES", "1")));
        var sensor = Assert.Single(set.Sensors);
        Assert.Equal("gpu:GPU-bbbb2222-0000", sensor.Id);
        Assert.Equal(2, set.Devices.Count);
        // Indices are read in NVML order; CUDA's default order may differ, which the selection says.
        Assert.Equal(MeasureFindingCodes.CudaOrder, Assert.Single(set.Findings).Code);
    }

    [Fact]
    public void With_pci_bus_order_the_index_form_needs_no_caveat()
    {
        using var set = GpuSensorSet.Open(TwoGpus(), null,
            Env(("CUDA_VISIBLE_DEVICES", "1"), ("CUDA_DEVICE_ORDER", "PCI_BUS_ID")));
        Assert.Equal("gpu:GPU-bbbb2222-0000", Assert.Single(set.Sensors).Id);
        Assert.Empty(set.Findings);
    }

    [Fact]
    public void A_gpu_uuid_or_its_unique_prefix_selects_that_gpu()
    {
        using var full = GpuSensorSet.Open(TwoGpus(), null, Env(("CUDA_VISIBLE_DEVICES", "GPU-bbbb2222-0000")));
        Assert.Equal("gpu:GPU-bbbb2222-0000", Assert.Single(full.Sensors).Id);
        Assert.Empty(full.Findings);
        using var prefix = GpuSensorSet.Open(TwoGpus(), null, Env(("CUDA_VISIBLE_DEVICES", "GPU-aaaa")));
        Assert.Equal("gpu:GPU-aaaa1111-0000", Assert.Single(prefix.Sensors).Id);
    }

    [Fact]
    public void No_selection_measures_every_gpu_and_an_explicit_list_overrides_the_environment()
    {
        using var all = GpuSensorSet.Open(TwoGpus(), null, Env());
        Assert.Equal(2, all.Sensors.Count);
        using var listed = GpuSensorSet.Open(TwoGpus(), ["GPU-bbbb", "0", "1"], Env(("CUDA_VISIBLE_DEVICES", "0")));
        Assert.Equal(["gpu:GPU-bbbb2222-0000", "gpu:GPU-aaaa1111-0000"], listed.Sensors.Select(s => s.Id));
    }

    [Fact]
    public void Parsing_stops_at_the_first_unknown_entry_as_cuda_does_and_lists_the_known_gpus()
    {
        using var set = GpuSensorSet.Open(TwoGpus(), null,
            Env(("CUDA_VISIBLE_DEVICES", "0,7,1"), ("CUDA_DEVICE_ORDER", "PCI_BUS_ID")));
        Assert.Equal("gpu:GPU-aaaa1111-0000", Assert.Single(set.Sensors).Id);
        var finding = Assert.Single(set.Findings);
        Assert.Equal(MeasureFindingCodes.UnknownGpu, finding.Code);
        Assert.Contains("1 = GPU-bbbb2222-0000", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_cuda_visible_devices_measures_no_gpu_and_says_so()
    {
        using var set = GpuSensorSet.Open(TwoGpus(), null, Env(("CUDA_VISIBLE_DEVICES", "")));
        var sensor = Assert.IsType<UnavailableSensor>(Assert.Single(set.Sensors));
        Assert.Contains("CUDA_VISIBLE_DEVICES is empty", sensor.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mig_slice_is_not_measured_as_if_it_were_a_gpu()
    {
        using var set = GpuSensorSet.Open(TwoGpus(), null, Env(("CUDA_VISIBLE_DEVICES", "MIG-1234-5678")));
        Assert.IsType<UnavailableSensor>(Assert.Single(set.Sensors));
        Assert.Equal(MeasureFindingCodes.MigSlice, Assert.Single(set.Findings).Code);
    }

    [Fact]
    public void A_gpu_that_cannot_be_opened_is_reported_and_the_others_measured()
    {
        var nvml = new FakeNvml(new FakeGpu("GPU-aaaa", "A") { HandleCode = NvmlReturn.NoPermission },
            new FakeGpu("GPU-bbbb", "B"));
        using var set = GpuSensorSet.Open(nvml, null, Env());
        Assert.Equal("gpu:GPU-bbbb", Assert.Single(set.Sensors).Id);
        var finding = Assert.Single(set.Findings);
        Assert.Equal(MeasureFindingCodes.GpuNotOpened, finding.Code);
        Assert.Contains("no permission", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_failure_makes_the_gpus_unavailable_with_the_mapped_reason_and_shutdown_pairs_with_init()
    {
        var broken = TwoGpus();
        broken.InitCode = NvmlReturn.DriverNotLoaded;
        using (var set = GpuSensorSet.Open(broken, null, Env()))
        {
            var reading = Assert.Single(set.Sensors).Read(TimeSpan.Zero);
            Assert.Contains("kernel driver is not loaded", reading.EnergyJoules.UnavailableReason, StringComparison.Ordinal);
        }

        Assert.Equal(0, broken.ShutdownCalls);
        var working = TwoGpus();
        GpuSensorSet.Open(working, null, Env()).Dispose();
        Assert.Equal((1, 1), (working.InitCalls, working.ShutdownCalls));
    }

    [Fact]
    public void A_missing_library_makes_the_gpu_sensor_say_so()
    {
        Assert.False(NvmlNativeLibrary.TryLoad(["libcradle-no-such-nvml.so.1"], out var library, out var reason));
        Assert.Null(library);
        using var set = GpuSensorSet.Unusable(reason!);
        var reading = Assert.Single(set.Sensors).Read(TimeSpan.Zero);
        Assert.Equal(SensorKind.Gpu, set.Sensors[0].Kind);
        Assert.Equal("NVML library not found (no NVIDIA driver): looked for libnvidia-ml.so.1 / nvml.dll",
            reading.EnergyJoules.UnavailableReason);
        Assert.False(reading.PowerWatts.IsAvailable);
    }

    [Fact]
    public void Each_nvml_error_code_has_its_own_reason()
    {
        NvmlReturn[] codes = [NvmlReturn.NotSupported, NvmlReturn.NoPermission, NvmlReturn.DriverNotLoaded,
            NvmlReturn.LibraryNotFound, NvmlReturn.FunctionNotFound, NvmlReturn.GpuIsLost,
            NvmlReturn.LibRmVersionMismatch, NvmlReturn.OperatingSystem];
        var reasons = codes.Select(c => NvmlErrors.Describe(c, "f")).ToList();
        Assert.Equal(codes.Length, reasons.Distinct().Count());
        Assert.Equal("f failed: the GPU is lost (fell off the bus or stopped responding) (NVML code 15)",
            NvmlErrors.Describe(NvmlReturn.GpuIsLost, "f"));
    }
}
