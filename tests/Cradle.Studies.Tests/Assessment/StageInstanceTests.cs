using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Assessment;

/// <summary>
/// Two stages of one kind are kept apart in <c>StageInstances</c> and add up to their kind's row in <c>Stages</c>;
/// each process names its stage instance. <see cref="TinyStudy"/> with a second pre-training stage, <c>pt-b</c>:
/// 3,000 kWh and 1,000 GPU-hours on the same fleet and site.
/// </summary>
public sealed class StageInstanceTests
{
    private const string SecondPreTraining = """
          pt-b:
            kind: pre-training
            hardware: fleet
            site: s
            energy: 3000 kWh
            device_time: 1000 h
        inference:
        """;

    // Effective device lifespan: 2 years × 8,760 h × 0.5 utilisation = 8,760 h; 100 kg CO2e embodied per GPU.
    private const double EmbodiedPerDeviceHour = 100.0 / 8760;

    private static Cradle.Studies.Assessment.AlternativeAssessment Assess() =>
        TinyStudy.Assess(TinyStudy.With("\ninference:\n", "\n" + SecondPreTraining + "\n")).Alternatives[0];

    [Fact]
    public void Two_pre_training_stages_read_back_as_two_rows_that_add_up_to_the_kind()
    {
        // Per request (÷ 10⁶ lifetime requests), climate change: grid 0.5 kg/kWh × PUE 1.5 = 0.75 kg per kWh of IT energy.
        // pre-training: 1,000 kWh × 0.75 ÷ 10⁶ = 7.5e-4 kg; pt-b: 3,000 × 0.75 ÷ 10⁶ = 2.25e-3 kg; the kind: 3.0e-3 kg.
        var a = Assess();
        var gwp = a.Categories.Select(c => c.Id).ToList().IndexOf("gwp100");
        var rows = a.StageInstances.Where(r => r.Stage == "pre-training").ToList();
        Assert.Equal(["pre-training", "pt-b"], rows.Select(r => r.StageId));
        Assert.Equal(7.5e-4, rows[0].Values[gwp], 15);
        Assert.Equal(2.25e-3, rows[1].Values[gwp], 15);
        var kind = Assert.Single(a.Stages, s => s.Stage == "pre-training");
        Assert.Equal(3.0e-3, kind.Values[gwp], 15);
        for (var k = 0; k < a.Categories.Count; k++)
        {
            Assert.Equal(kind.Values[k], rows.Sum(r => r.Values[k]), 15);
            Assert.Equal(kind.Shares[k], rows.Sum(r => r.Shares[k]), 12);
        }
    }

    [Fact]
    public void Manufacture_is_split_by_the_stage_instance_that_used_the_hardware()
    {
        // Device-hours per request: pre-training 2,000 h ÷ 10⁶ = 2e-3 h; pt-b 1,000 h ÷ 10⁶ = 1e-3 h; serving 1 s =
        // 1/3,600 h. Each × 100 kg ÷ 8,760 h: 2.28311e-5, 1.14155e-5 and 3.17098e-6 kg.
        var a = Assess();
        var gwp = a.Categories.Select(c => c.Id).ToList().IndexOf("gwp100");
        var rows = a.StageInstances.Where(r => r.Stage == "hardware-manufacture").ToDictionary(r => r.StageId, r => r.Values[gwp]);
        Assert.Equal(2e-3 * EmbodiedPerDeviceHour, rows["pre-training"], 15);
        Assert.Equal(1e-3 * EmbodiedPerDeviceHour, rows["pt-b"], 15);
        Assert.Equal(EmbodiedPerDeviceHour / 3600, rows["inference"], 15);
        Assert.Equal(2.28311e-5, rows["pre-training"], 10);
        var kind = Assert.Single(a.Stages, s => s.Stage == "hardware-manufacture");
        Assert.Equal(kind.Values[gwp], rows.Values.Sum(), 15);
    }

    [Fact]
    public void Every_process_names_its_stage_instance_and_all_of_them_add_up_to_the_totals()
    {
        // pt-b's grid electricity: 3,000 kWh × 1.5 (PUE) × 0.5 kg/kWh ÷ 10⁶ = 2.25e-3 kg, in pt-b, kind pre-training.
        var a = Assess();
        var gwp = a.Categories.Select(c => c.Id).ToList().IndexOf("gwp100");
        var electricity = Assert.Single(a.AllProcesses, p => p.ProcessId == "electricity@pt-b");
        Assert.Equal("pt-b", electricity.StageId);
        Assert.Equal("pre-training", electricity.Stage);
        Assert.Equal(2.25e-3, electricity.Values[gwp], 15);
        Assert.Equal("inference", Assert.Single(a.AllProcesses, p => p.ProcessId == "electricity@inference").StageId);
        Assert.Equal(a.AllProcesses.Take(a.Processes.Count).Select(p => p.ProcessId), a.Processes.Select(p => p.ProcessId));
        for (var k = 0; k < a.Categories.Count; k++)
        {
            Assert.Equal(a.Totals[k], a.AllProcesses.Sum(p => p.Values[k]), 15);
            foreach (var row in a.StageInstances)
            {
                var processes = a.AllProcesses.Where(p => p.StageId == row.StageId && p.Stage == row.Stage);
                Assert.Equal(row.Values[k], processes.Sum(p => p.Values[k]), 15);
            }
        }
    }
}
