using Cradle.Core.Model;

namespace Cradle.Core.Tests.Builders;

/// <summary>The exchanges of one process, each per one unit of its reference product.</summary>
internal sealed class ProcessBuilder
{
    private readonly string _id;
    private readonly string _makes;
    private readonly List<TechnosphereInput> _inputs = [];
    private readonly List<BiosphereExchange> _flows = [];
    private string _stage;

    public ProcessBuilder(string id, string makes, string stage)
    {
        _id = id;
        _makes = makes;
        _stage = stage;
    }

    /// <summary>Consumes <paramref name="amount"/> (an expression) of <paramref name="productId"/>.</summary>
    public ProcessBuilder Consumes(string productId, string amount)
    {
        _inputs.Add(new TechnosphereInput(productId, amount));
        return this;
    }

    /// <summary>Emits (or draws) <paramref name="amount"/> (an expression) of <paramref name="flowId"/>.</summary>
    public ProcessBuilder Emits(string flowId, string amount)
    {
        _flows.Add(new BiosphereExchange(flowId, amount));
        return this;
    }

    /// <summary>The life-cycle stage its contributions count toward.</summary>
    public ProcessBuilder InStage(string stage)
    {
        _stage = stage;
        return this;
    }

    public Process Build() => new(_id, _id, _makes, _stage, [.. _inputs], [.. _flows]);
}
