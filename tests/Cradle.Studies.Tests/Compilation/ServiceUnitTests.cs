using Cradle.Core.Uncertainty;
using Cradle.Studies.Assessment;
using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Compilation;

/// <summary>
/// Functional units counted in tokens, images or GPU time reach the served request through
/// inference.service_per_request; their totals are hand-computed from TinyStudy's per-request total.
/// </summary>
public sealed class ServiceUnitTests
{
    // TinyStudy, one request (EquationOneTests): inference 0.002 kWh × 1.5 × 0.5 kg/kWh = 0.0015 kg; serving hardware
    // (1/3600 h) × 100 kg ÷ 8,760 h = 3.1709792e-6 kg; development (750 + 2,000 × 100 ÷ 8,760) ÷ 10⁶ = 7.7283105e-4 kg.
    // Sum: 0.0022760020 kg CO2e per request.
    private const double PerRequest = 0.0015 + (1.0 / 3600 * 100 / 8760) + ((750 + (2000 * 100.0 / 8760)) / 1e6);

    private static string Service(string amount, string description, string? servicePerRequest)
    {
        var text = TinyStudy.With("  amount: 1 request\n  description: one answered request", $"  amount: {amount}\n  description: {description}");
        return servicePerRequest is null ? text
            : TinyStudy.With("  device_time_per_request: 1 s/request", $"  device_time_per_request: 1 s/request\n  service_per_request: {servicePerRequest}", text);
    }

    [Fact]
    public void A_million_tokens_at_500_tokens_a_request_is_2000_requests()
    {
        // 1e6 token ÷ 500 token/request = 2,000 requests; 2,000 × 0.0022760020 kg = 4.5520040 kg CO2e.
        var text = Service("1e6 token", "one million generated chat tokens", "500 token/request");
        var total = TinyStudy.Total(TinyStudy.Assess(text), "gwp100");
        Assert.Equal(2000 * PerRequest, total, 9);
        Assert.Equal(4.5520040, total, 6);
    }

    [Fact]
    public void A_thousand_images_at_4_images_a_request_is_250_requests()
    {
        // A batch request classifies 4 images: 1,000 image ÷ 4 image/request = 250 requests;
        // 250 × 0.0022760020 kg = 0.56900050 kg CO2e. Same in kimage: 1 kimage = 1,000 image.
        var text = Service("1000 image", "ResNet-50 classification of one thousand 224×224 images", "4 image/request");
        Assert.Equal(250 * PerRequest, TinyStudy.Total(TinyStudy.Assess(text), "gwp100"), 10);
        Assert.Equal(0.56900050, TinyStudy.Total(TinyStudy.Assess(text), "gwp100"), 7);
        var inKilo = Service("1 kimage", "ResNet-50 classification of one thousand 224×224 images", "4 image/request");
        Assert.Equal(250 * PerRequest, TinyStudy.Total(TinyStudy.Assess(inKilo), "gwp100"), 10);
    }

    [Fact]
    public void A_gpu_hour_of_serving_at_one_gpu_second_a_request_is_3600_requests()
    {
        // 1 GPU-h = 3,600 s; one request takes 1 s of GPU time: 3,600 requests; 3,600 × 0.0022760020 = 8.1936072 kg.
        var text = Service("1 GPU-h", "one GPU-hour of chat serving", "1 s/request");
        Assert.Equal(3600 * PerRequest, TinyStudy.Total(TinyStudy.Assess(text), "gwp100"), 9);
    }

    [Fact]
    public void The_service_per_request_is_an_input_an_alternative_can_override()
    {
        // An alternative that answers in 250 tokens needs 4,000 requests per million tokens: twice the total.
        var text = Service("1e6 token", "one million generated chat tokens", "500 token/request")
            + "\nalternatives:\n  terse:\n    parameters:\n      inference.service_per_request: 250 token/request\n";
        var assessment = TinyStudy.Assess(text);
        Assert.Equal("terse", Assert.Single(assessment.Alternatives).Alternative);
        Assert.Equal(4000 * PerRequest, TinyStudy.Total(assessment, "gwp100"), 9);
    }

    [Fact]
    public void A_token_unit_without_service_per_request_is_an_error_naming_the_field()
    {
        var error = TinyStudy.Error(Service("1e6 token", "one million tokens", null), "missing-field");
        Assert.Equal("inference.service_per_request", error.Field);
        Assert.Contains("service_per_request: 450 token/request", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_service_per_request_of_the_wrong_dimension_is_refused()
    {
        var error = TinyStudy.Error(Service("1e6 token", "one million tokens", "4 image/request"), "unit-mismatch");
        Assert.Equal("inference.service_per_request", error.Field);
        Assert.Contains("expected the tokens one request delivers ('450 token/request')", error.Message, StringComparison.Ordinal);
        Assert.Contains("a number of images per request", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_service_per_request_beside_a_request_unit_is_refused_not_ignored()
    {
        var text = TinyStudy.With("  device_time_per_request: 1 s/request", "  device_time_per_request: 1 s/request\n  service_per_request: 500 token/request");
        Assert.Equal("inference.service_per_request", TinyStudy.Error(text, "unused-field").Field);
    }

    [Fact]
    public void A_mass_is_no_functional_unit()
    {
        var error = TinyStudy.Error(Service("1 kg", "a kilogram", null), "unit-mismatch");
        Assert.Contains("tokens ('1e6 token'), images ('1000 image')", error.Message, StringComparison.Ordinal);
    }

    private static Cradle.Studies.Compilation.CompiledStudy Compile(string text) =>
        StudyAssessor.Compile(text, TinyStudy.File, [], null).Alternatives[0];

    [Fact]
    public void Image_and_chat_units_are_refused_then_compared_with_a_reason()
    {
        var images = Compile(Service("1000 image", "ResNet-50 classification of 1000 images", "4 image/request"));
        var chat = Compile(Service("1e6 token", "one million chat tokens", "500 token/request"));
        var options = new MonteCarloOptions(10, 1, 1);
        var refused = Assert.Single(Assert.Throws<StudyException>(() => ComparisonAnalysis.Compare([("images", images), ("chat", chat)], options)).Problems);
        Assert.Equal("fu-mismatch", refused.Code);
        Assert.Contains("--accept-different-functional-units", refused.Message, StringComparison.Ordinal);

        var accepted = ComparisonAnalysis.Compare([("images", images), ("chat", chat)], options, "  both are one hour of a shared fleet's work ");
        Assert.Equal("both are one hour of a shared fleet's work", accepted.FunctionalUnitReason);
        Assert.Equal("'images' delivers 1000 image, 'chat' delivers 1e6 token", Assert.Single(accepted.FunctionalUnitDifferences));
    }

    [Fact]
    public void The_same_amount_with_another_description_is_another_functional_unit()
    {
        var classify = Compile(Service("1000 image", "ResNet-50 classification of 1000 images", "1 image/request"));
        var generate = Compile(Service("1000 image", "Stable Diffusion generation of 1000 images", "1 image/request"));
        var refused = Assert.Single(Assert.Throws<StudyException>(() => ComparisonAnalysis.Compare([("a", classify), ("b", generate)], new MonteCarloOptions(10, 1, 1))).Problems);
        Assert.Contains("their descriptions differ", refused.Message, StringComparison.Ordinal);
        // Case and white space are not a different service.
        var same = Compile(Service("1000 image", "resnet-50  classification of 1000 images", "1 image/request"));
        Assert.Single(ComparisonAnalysis.Compare([("a", classify), ("b", same)], new MonteCarloOptions(10, 1, 1)).Pairs);
    }

    [Fact]
    public void A_reason_is_refused_when_blank_or_when_nothing_differs()
    {
        var a = Compile(TinyStudy.Text);
        var b = Compile(TinyStudy.Text);
        var options = new MonteCarloOptions(10, 1, 1);
        Assert.Equal("fu-accept-unneeded", Assert.Single(Assert.Throws<StudyException>(() => ComparisonAnalysis.Compare([("a", a), ("b", b)], options, "why not")).Problems).Code);
        Assert.Equal("fu-accept-reason", Assert.Single(Assert.Throws<StudyException>(() => ComparisonAnalysis.Compare([("a", a), ("b", b)], options, "  ")).Problems).Code);
    }
}
