namespace Cradle.Acceptance.Tests.Fuzzing;

/// <summary>The studies the fuzzer starts from: the bundled example, and two small ones that reach other paths.</summary>
internal static class SeedStudies
{
    /// <summary>One GPU type, one grid, one site; pre-training declared, a share stage, serving per request.</summary>
    public const string Small = """
        cradle: 1
        name: small
        goal:
          application: fuzzing
          audience: tests
        functional_unit:
          amount: 1 request
          description: one answered request
        system_boundary:
          included: [experimentation, pre-training, inference, hardware-manufacture]
        impact_categories: [gwp100, water]
        parameters:
          serving_energy:
            value: 0.002 kWh/request
            provenance: measured
            source: fuzzing
            uncertainty: {distribution: lognormal, gsd: 1.2}
        devices:
          gpu:
            power: 400 W
            embodied:
              gwp100: 100 kg CO2e
              water: 50 L
        hardware:
          fleet:
            device: gpu
            per_node: 4
            lifespan: 2 year
            utilisation: 0.5
        grids:
          g:
            basis: life-cycle
            per_kwh:
              gwp100: 0.5 kg CO2e/kWh
              water: 2 L/kWh
        sites:
          s:
            grid: g
            pue: 1.5
            wue: 0.25 L/kWh
        stages:
          pre-training:
            hardware: fleet
            site: s
            energy: 1000 kWh
            device_time: 2000 h
          experimentation:
            share_of: pre-training
            share: 0.5
        inference:
          hardware: fleet
          site: s
          lifetime_requests: 1e6 request
          energy_per_request: serving_energy
          device_time_per_request: 1 s/request
        alternatives:
          as-written:
            description: the study as written
          greener:
            description: a cleaner grid
            parameters:
              grids.g.per_kwh.gwp100: 0.1 kg CO2e/kWh
        """;

    /// <summary>
    /// Catalog hardware and grid, training modelled from FLOPs, tokens and reasoning at inference, and the rest of the
    /// request's work (prefill, refinement, a draft model, retrieval, tool calls).
    /// </summary>
    public const string Modelled = """
        cradle: 1
        name: modelled
        goal:
          application: fuzzing
          audience: tests
        functional_unit:
          amount: 1000 request
          description: 1,000 answered requests
        system_boundary:
          included: [pre-training, inference, hardware-manufacture]
        impact_categories: [gwp100, water, primary-energy]
        hardware:
          cluster:
            device: nvidia-h100-sxm5-80gb
            per_node: 8
            lifespan: 4 year
            utilisation: 0.8
        sites:
          dc:
            grid: DE
            pue: 1.2
        stages:
          pre-training:
            hardware: cluster
            site: dc
            energy:
              average_power: 600 W
            device_time:
              flops: 1e23 FLOP
              mfu: 0.4
        inference:
          hardware: cluster
          site: dc
          lifetime_requests: 1e9 request
          energy_per_token: 0.0001 kWh/token
          output_tokens: 200 token/request
          reasoning_tokens: 100 token/request
          samples_per_request: 2
          device_time_per_request: 0.5 s/request
          input_tokens: 800 token/request
          energy_per_input_token: 0.00001 kWh/token
          refinement_rounds: 1
          draft: { energy_per_token: 0.000005 kWh/token, tokens_per_output_token: 1.6 }
          retrieval:
            calls_per_request: 2 call/request
            embedding: { energy_per_call: 0.03 Wh/call }
            search: { energy_per_call: 0.01 Wh/call }
            hardware: cluster
            device_time_per_call: 0.02 s/call
          tool_calls: { calls_per_request: 3 call/request, energy_per_call: 0.1 Wh/call, footprint_per_call: { gwp100: 0.2 g CO2e/call } }
        interpretation:
          significance_threshold: 0.2
          lifetime_grid: [1e6, 1e9, 1e12]
        """;
}
