namespace Cradle.Catalog.Model;

/// <summary>The kinds of catalog entries, as written in a catalog file's <c>kind:</c>.</summary>
public static class CatalogKinds
{
    /// <summary>GPUs, TPUs and other accelerators.</summary>
    public const string Accelerator = "accelerator";
    /// <summary>Server CPUs.</summary>
    public const string Cpu = "cpu";
    /// <summary>Servers and nodes, without accelerators.</summary>
    public const string Server = "server";
    /// <summary>Memory and storage, per GB.</summary>
    public const string Component = "component";
    /// <summary>Electricity grids: countries, US eGRID subregions, the world average.</summary>
    public const string Grid = "grid";
    /// <summary>Data-centre profiles: provider fleets and industry averages (PUE, WUE).</summary>
    public const string Datacentre = "datacentre";
    /// <summary>Cloud regions, mapped to a grid and a data-centre profile.</summary>
    public const string CloudRegion = "cloud-region";
    /// <summary>Sources (a bibliography file).</summary>
    public const string Bibliography = "bibliography";
    /// <summary>Impact methods and their flows.</summary>
    public const string Method = "method";

    /// <summary>Kinds whose entries carry figures.</summary>
    public static IReadOnlyList<string> WithFigures { get; } = [Accelerator, Cpu, Server, Component, Grid, Datacentre, CloudRegion];

    /// <summary>Every kind.</summary>
    public static IReadOnlyList<string> All { get; } = [.. WithFigures, Bibliography, Method];

    /// <summary>Kinds a study's <c>device:</c> may name.</summary>
    public static IReadOnlyList<string> Devices { get; } = [Accelerator, Cpu];
}
