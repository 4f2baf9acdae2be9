using System.Globalization;
using Cradle.Catalog;
using Cradle.Runs;
using Cradle.Server.Pages;
using Cradle.Store;
using Microsoft.AspNetCore.Http;

namespace Cradle.Server.Runs;

/// <summary>The runs' pages: the list with its filter form, a run (facts, sensors, footprint, power and temperature
/// chart), and a batch job. Every text from the store or the request is escaped (<see cref="Html"/>).</summary>
internal static class RunPages
{
    private static readonly (string Name, string Label)[] FilterFields = [("job", "Job"), ("host", "Host"), ("model", "Model"), ("tag", "Tag")];

    /// <summary><c>/runs</c>.</summary>
    public static Task ListAsync(HttpContext context)
    {
        var store = RunApi.State(context).Store;
        var query = context.Request.Query;
        var filter = RunQuery.Filter(query, out var problem);
        store.MarkInterruptedRuns();
        var runs = filter is null ? [] : store.ListRuns(filter);
        var energy = runs.ToDictionary(r => r.Id, r => TotalEnergy(store, r), StringComparer.Ordinal);
        return PageLayout.WriteAsync(context, "Runs", "/runs", page =>
        {
            page.Write("<h1>Runs</h1><form class=\"filters\" method=\"get\" action=\"/runs\">");
            foreach (var (name, label) in FilterFields)
            {
                page.Write($"<label>{label}<input name=\"{name}\" value=\"{Html.Attribute(RunQuery.Value(query, name))}\"></label>");
            }
            page.Write("<label>Status<select name=\"status\"><option value=\"\">any</option>");
            foreach (var status in RunQuery.Statuses)
            {
                var selected = RunQuery.Value(query, "status") == status ? " selected" : "";
                page.Write($"<option{selected}>{status}</option>");
            }
            page.Write("</select></label><button type=\"submit\">Filter</button></form>");
            if (problem is not null)
            {
                page.Write($"<p class=\"problem\">{Html.Text(problem)}</p>");
                return;
            }

            page.Write(Invariant($"<p class=\"muted\">{runs.Count} run(s), newest first (at most {filter!.Limit}). Energy: the sum of the sensors' last cumulative readings, gross.</p>"));
            page.Write("<table id=\"runs\"><thead><tr><th>Id</th><th>Name</th><th>Job</th><th>Tags</th><th>Host</th><th>Model</th><th>Status</th><th>Started (UTC)</th><th class=\"num\">Duration</th><th class=\"num\">Energy</th></tr></thead><tbody>");
            foreach (var r in runs)
            {
                page.Write($"<tr><td><a href=\"/runs/{Html.Url(r.Id)}\">{Html.Text(r.Id)}</a></td><td>{Html.Text(r.Name ?? "")}</td>");
                page.Write(r.JobId is null ? "<td></td>" : $"<td><a href=\"/jobs/{Html.Url(r.JobId)}\">{Html.Text(r.JobId)}</a></td>");
                page.Write($"<td>{Tags(r)}</td><td>{Html.Text(r.Host)}</td><td>{Html.Text(r.Inference.Model ?? "")}</td>");
                page.Write($"<td class=\"status-{RunJson.Status(r.Status)}\">{RunJson.Status(r.Status)}</td><td>{Time(r.StartedUtc)}</td>");
                page.Write($"<td class=\"num\">{Duration(r)}</td><td class=\"num\">{Joules(energy[r.Id])}</td></tr>");
            }
            page.Write("</tbody></table>");
        });
    }

    /// <summary><c>/runs/{run}</c>.</summary>
    public static async Task ShowAsync(HttpContext context)
    {
        var store = RunApi.State(context).Store;
        store.MarkInterruptedRuns();
        var wanted = context.Request.RouteValues["run"] as string ?? "";
        if (store.FindRun(wanted) is not { } run)
        {
            await PageLayout.WriteAsync(context, "Run not found", "/runs",
                page => page.Write($"<h1>Run not found</h1><p>No run has the id or name <code>{Html.Text(wanted)}</code>. <a href=\"/runs\">All runs</a></p>"),
                StatusCodes.Status404NotFound).ConfigureAwait(false);
            return;
        }

        var sensors = store.GetSensors(run.Id);
        var samples = store.GetSamples(run.Id);
        var idle = store.GetIdleBaseline(run.Id);
        var site = RunFootprintJson.Site(CatalogLoader.Shipped, run, null);
        var compared = RunComparison.Compare(run, sensors, samples, site.Grid, new Dictionary<string, double>());
        var footprint = site.Site?.Footprint(compared.EnergyJoules);
        await PageLayout.WriteAsync(context, "Run " + (run.Name ?? run.Id), "/runs", page =>
        {
            page.Write($"<h1>Run {Html.Text(run.Name ?? run.Id)}</h1>");
            page.Write($"<dl class=\"facts\" id=\"run\" data-run=\"{Html.Attribute(run.Id)}\" data-status=\"{RunJson.Status(run.Status)}\">");
            Fact(page, "Id", Html.Text(run.Id));
            Fact(page, "Status", $"<span id=\"run-status\">{RunJson.Status(run.Status)}</span>");
            Fact(page, "Command", $"<code>{Html.Text(run.CommandLine)}</code>");
            Fact(page, "Host", Html.Text(run.Host));
            Fact(page, "Working directory", Html.Text(run.WorkingDirectory));
            Fact(page, "Site", run.SiteId is null ? "none (cradle measure --site)" : Html.Text(run.SiteId));
            Fact(page, "Job", run.JobId is null ? "none" : $"<a href=\"/jobs/{Html.Url(run.JobId)}\">{Html.Text(run.JobId)}</a>");
            Fact(page, "Tags", run.Tags.Count == 0 ? "none" : Tags(run));
            Fact(page, "Started", Time(run.StartedUtc) + " UTC");
            Fact(page, "Ended", run.EndedUtc is { } end ? Time(end) + " UTC" : "not yet");
            Fact(page, "Duration", Duration(run));
            Fact(page, "Exit code", run.ExitCode is { } code ? code.ToString(CultureInfo.InvariantCulture) : "none");
            if (run.Origin is not null)
            {
                Fact(page, "Imported from", Html.Text(run.Origin));
            }
            var inf = run.Inference;
            Fact(page, "Inference", Html.Text(string.Join(", ", new[]
            {
                inf.Model is null ? null : "model " + inf.Model,
                inf.ParameterCount is { } p ? Invariant($"{p:G4} parameters") : null,
                inf.Precision is null ? null : "precision " + inf.Precision,
                inf.Task is null ? null : "task " + inf.Task,
                inf.Requests is { } n ? Invariant($"{n} requests") : null,
            }.Where(x => x is not null)) is { Length: > 0 } text ? text : "none recorded"));
            page.Write("</dl>");
            WriteSensors(page, sensors, samples, idle);
            WriteFootprint(page, compared, footprint, site.Unavailable);
            page.Write("<h2>Power and temperature</h2><p class=\"muted\">Each sensor's samples as stored (power W, temperature °C) over the run's time; ");
            page.Write(run.Status == RunStatus.Running ? "the run is running: new samples are added as they are stored.</p>" : "the run has ended.</p>");
            page.Write("<figure class=\"chart\"><figcaption>Power (W)</figcaption><div id=\"power-chart\" data-field=\"power_w\" data-unit=\"W\"></div></figure>");
            page.Write("<figure class=\"chart\"><figcaption>Temperature (°C)</figcaption><div id=\"temperature-chart\" data-field=\"temperature_c\" data-unit=\"°C\"></div></figure>");
            page.Write($"<p class=\"muted\">Data: <a href=\"/api/runs/{Html.Url(run.Id)}\">cradle.run/1</a>, <a href=\"/api/runs/{Html.Url(run.Id)}/samples\">samples</a>, <a href=\"/api/runs/{Html.Url(run.Id)}/footprint\">footprint</a>.</p>");
        }).ConfigureAwait(false);
    }

    /// <summary><c>/jobs/{job}</c>.</summary>
    public static async Task JobAsync(HttpContext context)
    {
        var store = RunApi.State(context).Store;
        store.MarkInterruptedRuns();
        var jobId = context.Request.RouteValues["job"] as string ?? "";
        if (MeasuredRuns.Job(store, jobId) is not { } job)
        {
            await PageLayout.WriteAsync(context, "Job not found", "/runs",
                page => page.Write($"<h1>Job not found</h1><p>No run of job <code>{Html.Text(jobId)}</code> is stored.</p>"),
                StatusCodes.Status404NotFound).ConfigureAwait(false);
            return;
        }

        await PageLayout.WriteAsync(context, "Job " + jobId, "/runs", page =>
        {
            page.Write($"<h1>Job {Html.Text(job.JobId)}</h1><dl class=\"facts\">");
            Fact(page, "Nodes", job.Runs.Count.ToString(CultureInfo.InvariantCulture));
            Fact(page, "Started", Time(job.StartedUtc) + " UTC (first node)");
            Fact(page, "Ended", job.EndedUtc is { } end ? Time(end) + Invariant($" UTC (last node; {job.DurationSeconds:0.###} s)") : "unknown (a node's end is unknown)");
            Fact(page, "Energy", job.EnergyJoules is { } j ? Joules(j) + Invariant($" over {job.EnergySensors.Count()} of {job.Sensors.Count} sensors") : "unavailable (no sensor has an energy figure)");
            Fact(page, "Device-hours", job.DeviceHours is { } h ? Invariant($"{h:0.######} (each node's GPU sensors × its duration)") : "unavailable (no GPU sensor, or a GPU node's duration is unknown)");
            page.Write("</dl><h2>Energy by component</h2><table><thead><tr><th>Kind</th><th class=\"num\">Energy</th><th class=\"num\">Sensors</th><th>Basis</th></tr></thead><tbody>");
            foreach (var (kind, joules, count, modelled) in job.EnergyByKind)
            {
                page.Write($"<tr><td>{Html.Text(kind)}</td><td class=\"num\">{Joules(joules)}</td><td class=\"num\">{count}</td><td>{(modelled ? "modelled" : "measured")}</td></tr>");
            }
            page.Write("</tbody></table><h2>Nodes</h2><table id=\"nodes\"><thead><tr><th>Host</th><th>Run</th><th>Status</th><th class=\"num\">Duration</th><th class=\"num\">Energy</th><th>Basis</th></tr></thead><tbody>");
            foreach (var r in job.Runs)
            {
                page.Write($"<tr><td>{Html.Text(r.Host)}</td><td><a href=\"/runs/{Html.Url(r.Id)}\">{Html.Text(r.Id)}</a></td><td>{Html.Text(r.Status.ToString().ToLowerInvariant())}</td>");
                page.Write($"<td class=\"num\">{(r.DurationSeconds is { } d ? Invariant($"{d:0.###} s") : "unknown")}</td><td class=\"num\">{Joules(r.EnergyJoules)}</td><td>{Html.Text(JobJson.Basis(r))}</td></tr>");
            }
            page.Write("</tbody></table>");
            foreach (var flag in JobJson.Flags(job, null))
            {
                page.Write($"<p class=\"problem\">{Html.Text(flag)}</p>");
            }
        }).ConfigureAwait(false);
    }

    private static void WriteSensors(TextWriter page, IReadOnlyList<Sensor> sensors, IReadOnlyList<Sample> samples, IReadOnlyList<IdleReading> idle)
    {
        page.Write("<h2>Sensors</h2><table id=\"sensors\"><thead><tr><th>Sensor</th><th>Kind</th><th>Device</th><th>Provenance</th><th class=\"num\">Samples</th><th class=\"num\">Energy</th><th class=\"num\">Net of idle</th></tr></thead><tbody>");
        foreach (var s in sensors)
        {
            var (count, energy) = RunEnergy.Of(s, samples);
            var net = RunEnergy.NetOfIdle(s, samples, idle);
            page.Write($"<tr><td>{Html.Text(s.Id)}</td><td>{Html.Text(s.Kind)}</td><td>{Html.Text(s.Device)}</td>");
            page.Write($"<td>{RunJson.Provenance(s.Provenance)}<div class=\"note\">{Html.Text(s.Description)}</div></td><td class=\"num\">{count}</td>");
            page.Write($"<td class=\"num\">{Joules(energy)}</td><td class=\"num\">{(net is { } n ? Joules(n.Joules) : "no idle baseline")}</td></tr>");
        }
        page.Write("</tbody></table>");
    }

    private static void WriteFootprint(TextWriter page, ComparedRun compared, SiteFootprint? f, string? siteUnavailable)
    {
        page.Write("<h2>Footprint</h2><dl class=\"facts\" id=\"footprint\">");
        Fact(page, "Energy", compared.EnergyJoules is { } e
            ? Joules(e) + Invariant($" ({e / 3.6e6:0.######} kWh, gross; covers {Html.Text(compared.Covers)}") +
              (compared.MeasuredShare is { } share ? Invariant($"; {share:P0} from measured sensors, the rest modelled)") : ")")
            : "unavailable: no sensor recorded an energy figure");
        if (f is null)
        {
            Fact(page, "CO2e", "unavailable: " + Html.Text(siteUnavailable));
            Fact(page, "Water", "unavailable: " + Html.Text(siteUnavailable));
        }
        else
        {
            Fact(page, "CO2e", f.Co2eKg is { } kg
                ? Invariant($"{kg:0.######} kg at {Html.Text(f.Site.Name)} ({Html.Text(f.Site.Id)})") + Source(f.Site.Gwp100) + (f.Site.Pue is { } pue ? Invariant($", PUE {pue.Value:0.###}") + Source(pue) : "")
                : "unavailable: " + Html.Text(f.Co2eUnavailableReason));
            Fact(page, "Water", f.WaterLitres is { } l
                ? Invariant($"{l:0.######} L") + (f.Site.Wue is { } wue ? Invariant($", WUE {wue.Value:0.###} L/kWh") + Source(wue) : "") + (f.Site.OffSiteWater is { } w ? Invariant($", off-site {w.Value:0.###} L/kWh") + Source(w) : "")
                : "unavailable: " + Html.Text(f.WaterUnavailableReason));
        }
        Fact(page, "Energy per request", compared.EnergyPerRequestJoules is { } epr ? Joules(epr) : "unavailable: " + Html.Text(compared.EnergyPerRequestUnavailable));
        Fact(page, "CO2e per request", compared.Co2ePerRequestGrams is { } g ? Invariant($"{g:G4} g (energy per request × the grid factor, no PUE)")
            : "unavailable: " + Html.Text(f is null ? siteUnavailable : compared.Co2eUnavailable));
        Fact(page, "ESS", compared.Ess.Value is { } ess ? Invariant($"{ess:G4} (N/10⁶ ÷ g CO2e per request)")
            : "unavailable: " + Html.Text(f is null && compared.Co2ePerRequestGrams is null ? siteUnavailable : compared.Ess.Unavailable));
        page.Write("</dl>");
    }

    private static string Source(SiteFactor? factor) =>
        factor is null ? "" : Invariant($" <span class=\"note\">[{Html.Text(factor.Name)} {factor.Value:G4} {Html.Text(factor.Unit)}: {Html.Text(factor.EntryId)}, {Html.Text(factor.Source)}, {factor.Year}]</span>");

    private static void Fact(TextWriter page, string label, string html) => page.Write($"<dt>{label}</dt><dd>{html}</dd>");

    private static string Tags(Run r) => string.Join(" ", r.Tags.Select(t => $"<a class=\"tag\" href=\"/runs?tag={Html.Url(t)}\">{Html.Text(t)}</a>"));

    private static double? TotalEnergy(IRunStore store, Run run)
    {
        // Each sensor's latest sample carries its cumulative energy: one row per sensor, however long the run.
        var latest = store.GetLatestSamples(run.Id).Where(s => s.EnergyJoules is not null).ToList();
        return latest.Count == 0 ? null : latest.Sum(s => s.EnergyJoules!.Value);
    }

    private static string Joules(double? joules) => joules is { } j
        ? j >= 3.6e5 ? Invariant($"{j / 3.6e6:0.###} kWh") : Invariant($"{j:0.###} J")
        : "unavailable";

    private static string Duration(Run r) => r.EndedUtc is { } end ? Invariant($"{(end - r.StartedUtc).TotalSeconds:0.#} s") : r.Status == RunStatus.Running ? "running" : "unknown";

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
