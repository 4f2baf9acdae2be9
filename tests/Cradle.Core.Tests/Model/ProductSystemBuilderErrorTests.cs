using Cradle.Core.Model;
using Cradle.Core.Tests.Builders;

namespace Cradle.Core.Tests.Model;

public class ProductSystemBuilderErrorTests
{
    /// <summary>An inference service: a request consumes electricity; the grid emits CO2.</summary>
    private static SystemBuilder Inference() => new SystemBuilder()
        .Product("request", "request")
        .Product("electricity", "kWh")
        .Flow("co2", "kg")
        .Parameter("energy_per_request", "0.3 Wh/request")
        .Parameter("gpu_energy", "0.3 Wh")
        .Parameter("grid_co2", "0.4 kg/kWh");

    private static ModelException Problems(SystemBuilder builder) => Assert.Throws<ModelException>(builder.Build);

    [Fact]
    public void The_inference_system_builds_when_every_unit_fits()
    {
        var system = Inference()
            .Process("serve", makes: "request", p => p.Consumes("electricity", "energy_per_request"))
            .Process("grid", makes: "electricity", p => p.Emits("co2", "grid_co2"))
            .Build();

        Assert.Equal(["serve", "grid"], system.Processes.Select(p => p.Id));
        Assert.Equal(["request", "electricity"], system.Products.Select(p => p.Id));
        Assert.Equal(1, system.ProductIndex["electricity"]);
    }

    [Fact]
    public void Products_are_indexed_by_their_providers_order()
    {
        // products declared request, electricity; processes grid first: electricity gets index 0
        var system = Inference()
            .Process("grid", makes: "electricity", p => p.Emits("co2", "grid_co2"))
            .Process("serve", makes: "request", p => p.Consumes("electricity", "energy_per_request"))
            .Build();

        Assert.Equal(0, system.ProductIndex["electricity"]);
        Assert.Equal(system.ProcessIndex["grid"], system.ProductIndex["electricity"]);
        Assert.Equal("electricity", system.Products[0].Id);
    }

    [Fact]
    public void An_unknown_input_product_suggests_the_closest_id()
    {
        var e = Problems(Inference()
            .Process("serve", makes: "request", p => p.Consumes("electricty", "energy_per_request"))
            .Process("grid", makes: "electricity"));

        var problem = Assert.Single(e.Problems);
        Assert.Equal("unknown-product", problem.Code);
        Assert.Equal("serve", problem.Subject);
        Assert.Contains("'electricty' is not a product", problem.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'electricity'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_reference_product_suggests_the_closest_id()
    {
        var e = Problems(Inference()
            .Process("serve", makes: "requests")
            .Process("grid", makes: "electricity"));

        Assert.Contains(e.Problems, p => p.Code == "unknown-product" && p.Message.Contains("did you mean 'request'", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_flow_suggests_the_closest_id()
    {
        var e = Problems(Inference()
            .Process("serve", makes: "request", p => p.Consumes("electricity", "energy_per_request"))
            .Process("grid", makes: "electricity", p => p.Emits("c02", "grid_co2")));

        var problem = Assert.Single(e.Problems);
        Assert.Equal("unknown-flow", problem.Code);
        Assert.Contains("did you mean 'co2'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_product_with_two_providers_names_both()
    {
        var e = Problems(Inference()
            .Process("serve", makes: "request", p => p.Consumes("electricity", "energy_per_request"))
            .Process("grid", makes: "electricity")
            .Process("solar", makes: "electricity"));

        var problem = Assert.Single(e.Problems);
        Assert.Equal("duplicate-provider", problem.Code);
        Assert.Equal("electricity", problem.Subject);
        Assert.Contains("'grid'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("'solar'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_product_with_no_provider_is_reported()
    {
        var e = Problems(Inference()
            .Process("serve", makes: "request", p => p.Consumes("electricity", "energy_per_request")));

        var problem = Assert.Single(e.Problems);
        Assert.Equal("no-provider", problem.Code);
        Assert.Equal("electricity", problem.Subject);
    }

    [Fact]
    public void Two_processes_with_one_id_are_a_duplicate_id()
    {
        var e = Problems(Inference()
            .Process("serve", makes: "request", p => p.Consumes("electricity", "energy_per_request"))
            .Process("serve", makes: "electricity"));

        Assert.Contains(e.Problems, p => p.Code == "duplicate-id" && p.Subject == "serve");
    }

    [Fact]
    public void An_energy_where_an_energy_per_request_is_needed_is_an_exchange_unit_problem_naming_the_units()
    {
        // electricity is counted in kWh and requests in request, so the input must be kWh per request;
        // gpu_energy is 0.3 Wh, an energy.
        var e = Problems(Inference()
            .Process("serve", makes: "request", p => p.Consumes("electricity", "gpu_energy"))
            .Process("grid", makes: "electricity", p => p.Emits("co2", "grid_co2")));

        var problem = Assert.Single(e.Problems);
        Assert.Equal("exchange-unit", problem.Code);
        Assert.Equal("serve", problem.Subject);
        Assert.StartsWith("input of electricity to serve, in kWh per request: 'gpu_energy' gives a", problem.Message, StringComparison.Ordinal);
        Assert.Contains("energy per request (kWh/request) is needed", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flow_amount_with_the_wrong_dimension_is_an_exchange_unit_problem()
    {
        // CO2 in kg per kWh is needed; energy_per_request is an energy per request
        var e = Problems(Inference()
            .Process("serve", makes: "request", p => p.Consumes("electricity", "energy_per_request"))
            .Process("grid", makes: "electricity", p => p.Emits("co2", "energy_per_request")));

        var problem = Assert.Single(e.Problems);
        Assert.Equal("exchange-unit", problem.Code);
        Assert.StartsWith("flow co2 of grid, in kg per kWh:", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mixing_dimensions_inside_an_amount_is_an_exchange_unit_problem()
    {
        var e = Problems(Inference()
            .Process("serve", makes: "request", p => p.Consumes("electricity", "energy_per_request + gpu_energy"))
            .Process("grid", makes: "electricity"));

        var problem = Assert.Single(e.Problems);
        Assert.Equal("exchange-unit", problem.Code);
        Assert.StartsWith("input of electricity to serve, in kWh per request: Cannot add", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("energy_per_request *")]
    [InlineData("energy_per_reqest")]
    public void Syntax_errors_and_unknown_names_in_an_amount_are_exchange_expression_problems(string amount)
    {
        var e = Problems(Inference()
            .Process("serve", makes: "request", p => p.Consumes("electricity", amount))
            .Process("grid", makes: "electricity"));

        var problem = Assert.Single(e.Problems);
        Assert.Equal("exchange-expression", problem.Code);
        Assert.Contains("input of electricity", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_exchange_problem_is_reported_at_once()
    {
        var e = Problems(Inference()
            .Process("serve", makes: "request", p => p
                .Consumes("electricity", "gpu_energy")
                .Consumes("water", "1")
                .Emits("co2", "grid_co2"))
            .Process("grid", makes: "electricity", p => p.Emits("n2o", "1")));

        Assert.Equal(["exchange-unit", "unknown-product", "exchange-unit", "unknown-flow"], e.Problems.Select(p => p.Code));
        Assert.Equal(4, e.Message.Split(Environment.NewLine).Length);
    }
}
