using System.Text.Json;

namespace Cradle.Import.MlEnergy;

/// <summary>
/// A task folder's models.json: model id → nickname and parameter count. The leaderboard gives parameters in billions,
/// rounded as its table shows them (8 for Llama 3.1 8B, 47 for Mixtral 8x7B: all experts).
/// </summary>
internal sealed class MlEnergyModels
{
    private readonly Dictionary<string, (string? Nickname, double Billions)> models;

    private MlEnergyModels(string file, Dictionary<string, (string? Nickname, double Billions)> models)
    {
        File = file;
        this.models = models;
    }

    /// <summary>The models.json file, for notes.</summary>
    public string File { get; }

    /// <summary>The model's parameter count (a count: billions × 10^9) and nickname; null when models.json lacks it.</summary>
    public (double Parameters, string? Nickname)? Find(string model) =>
        models.TryGetValue(model, out var m) ? (m.Billions * 1e9, m.Nickname) : null;

    /// <exception cref="MlEnergyFormatException">Not an object of objects with a positive <c>params</c> each.</exception>
    public static MlEnergyModels Read(string file, byte[] bytes)
    {
        var json = PositionedJson.Parse(file, bytes);
        if (json.Root.ValueKind != JsonValueKind.Object)
        {
            throw json.Error("$", $"a JSON {MlEnergyRecordReader.Kind(json.Root)}; expected an object of model id → {{\"url\", \"nickname\", \"params\"}}");
        }
        var models = new Dictionary<string, (string?, double)>(StringComparer.Ordinal);
        foreach (var model in json.Root.EnumerateObject())
        {
            var path = PositionedJson.PathOf(model.Name);
            if (model.Value.ValueKind != JsonValueKind.Object)
            {
                throw json.Error(path, $"{MlEnergyRecordReader.Found(model.Value)}; expected an object with \"params\" (billions of parameters)");
            }
            if (!model.Value.TryGetProperty("params", out var p))
            {
                throw json.Error(path, "no \"params\" key; expected the model's parameters in billions");
            }
            if (p.ValueKind != JsonValueKind.Number || !p.TryGetDouble(out var billions) || !double.IsFinite(billions) || billions <= 0)
            {
                throw json.Error(PositionedJson.PathOf(model.Name, "params"), $"{MlEnergyRecordReader.Found(p)}; expected a number above 0 (billions of parameters)");
            }
            var nickname = model.Value.TryGetProperty("nickname", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            models[model.Name] = (nickname, billions);
        }
        return new MlEnergyModels(file, models);
    }
}
