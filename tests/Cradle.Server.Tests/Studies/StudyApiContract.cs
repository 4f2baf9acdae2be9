using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Cradle.Server.Hosting;
using Cradle.Studies.Assessment;

namespace Cradle.Server.Tests.Studies;

/// <summary>
/// The studies' REST API against a real server on loopback, over the store a subclass names (SQLite, PostgreSQL):
/// upload, validation, problems as the CLI gives them, limits, assessment with the CLI's results, reports.
/// </summary>
public abstract class StudyApiContract
{
    /// <summary>The store the servers of this class use; null: a new SQLite file per server.</summary>
    protected abstract string? StoreLocation { get; }

    private Task<ServerHost> StartAsync(Func<ServerOptions, ServerOptions>? configure = null) =>
        ServerHost.StartAsync(configure, StoreLocation);

    private static Uri Path(string path) => new(path, UriKind.Relative);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage answer)
    {
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }

    [Fact]
    public async Task A_valid_study_is_stored_once_and_read_back()
    {
        await using var server = await StartAsync();
        var text = StudyTexts.Unique();

        using var first = await server.Client.PostAsync(Path("/api/studies?name=ignored"), StudyTexts.Yaml(text));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var study = (await JsonAsync(first)).GetProperty("study");
        var id = study.GetProperty("id").GetString()!;
        Assert.Equal($"/api/studies/{id}", first.Headers.Location?.OriginalString);
        // The study's own name wins over ?name=.
        Assert.Equal(StudyTexts.ExampleName, study.GetProperty("name").GetString());
        var bytes = Encoding.UTF8.GetBytes(text);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), study.GetProperty("sha256").GetString());
        Assert.Equal(bytes.Length, study.GetProperty("bytes").GetInt64());
        Assert.Equal(ServerState.ToolVersion, study.GetProperty("tool_version").GetString());

        using var again = await server.Client.PostAsync(Path("/api/studies"), StudyTexts.Yaml(text, "text/plain"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(id, (await JsonAsync(again)).GetProperty("study").GetProperty("id").GetString());

        using var list = await server.Client.GetAsync(Path("/api/studies"));
        var listed = (await JsonAsync(list)).GetProperty("studies").EnumerateArray().Where(s => s.GetProperty("sha256").GetString() == study.GetProperty("sha256").GetString());
        Assert.Equal(id, Assert.Single(listed).GetProperty("id").GetString());

        using var read = await server.Client.GetAsync(Path($"/api/studies/{id}"));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(text, (await JsonAsync(read)).GetProperty("study").GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_bad_study_is_400_with_the_problems_the_CLI_gives_and_nothing_is_stored()
    {
        await using var server = await StartAsync();
        var text = StudyTexts.UnknownDevice();
        var expected = StudyTexts.CliProblems(text);
        // The misspelt id is reported at its own line (the hardware entry's device:).
        Assert.Contains(expected, p => p.Location?.Line == StudyTexts.LineOf(text, "device: h100-sxn"));

        foreach (var route in new[] { "/api/studies/validate", "/api/studies" })
        {
            using var answer = await server.Client.PostAsync(Path(route), StudyTexts.Yaml(text));
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            var error = (await JsonAsync(answer)).GetProperty("error");
            Assert.Equal("invalid-study", error.GetProperty("code").GetString());
            var problems = error.GetProperty("problems").EnumerateArray().ToList();
            Assert.Equal(expected.Count, problems.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i].Code, problems[i].GetProperty("code").GetString());
                Assert.Equal("error", problems[i].GetProperty("severity").GetString());
                Assert.Equal(expected[i].Location!.Line, problems[i].GetProperty("line").GetInt32());
                Assert.Equal(expected[i].Location!.Column, problems[i].GetProperty("column").GetInt32());
                Assert.Equal(expected[i].Field, problems[i].GetProperty("field").GetString());
                Assert.Equal(expected[i].Message, problems[i].GetProperty("message").GetString());
                // The line 'cradle assess study.yaml' prints for it.
                Assert.Equal(expected[i].ToString(), problems[i].GetProperty("text").GetString());
            }
        }
        using var list = await server.Client.GetAsync(Path("/api/studies"));
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        Assert.DoesNotContain((await JsonAsync(list)).GetProperty("studies").EnumerateArray(), s => s.GetProperty("sha256").GetString() == sha);
    }

    [Fact]
    public async Task Validating_a_valid_study_answers_no_errors_and_stores_nothing()
    {
        await using var server = await StartAsync();
        var text = StudyTexts.Unique();

        using var answer = await server.Client.PostAsync(Path("/api/studies/validate"), StudyTexts.Yaml(text, "text/yaml"));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var body = await JsonAsync(answer);
        Assert.Equal(StudyTexts.ExampleName, body.GetProperty("name").GetString());
        Assert.All(body.GetProperty("problems").EnumerateArray(), p => Assert.Equal("warning", p.GetProperty("severity").GetString()));
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        using var list = await server.Client.GetAsync(Path("/api/studies"));
        Assert.DoesNotContain((await JsonAsync(list)).GetProperty("studies").EnumerateArray(), s => s.GetProperty("sha256").GetString() == sha);
    }

    [Fact]
    public async Task A_study_naming_a_catalog_file_is_refused_at_its_line_and_the_file_is_not_read()
    {
        await using var server = await StartAsync();
        // A file that exists on the server and is not a catalog: had the server read it, the problem would be its
        // format (a catalog error), not the refusal.
        var existing = System.IO.Path.Combine(server.Folder.FullName, "lab-catalog.yaml");
        await File.WriteAllTextAsync(existing, "secret: do not read\n");
        var text = StudyTexts.Example + $"catalog: [{existing}]\n";
        var line = StudyTexts.LineOf(text, "catalog: [");

        using var answer = await server.Client.PostAsync(Path("/api/studies/validate"), StudyTexts.Yaml(text));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var problem = Assert.Single((await JsonAsync(answer)).GetProperty("error").GetProperty("problems").EnumerateArray());
        Assert.Equal("unreadable-catalog", problem.GetProperty("code").GetString());
        Assert.Equal(line, problem.GetProperty("line").GetInt32());
        Assert.Contains("the server reads no files named by a study", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_study_linked_to_a_background_database_is_refused_and_the_file_is_not_read()
    {
        await using var server = await StartAsync();
        var existing = System.IO.Path.Combine(server.Folder.FullName, "lci.zip");
        await File.WriteAllTextAsync(existing, "secret: do not read\n");
        Assert.Contains("    per_kwh:\n      gwp100:\n", StudyTexts.Example, StringComparison.Ordinal);
        var text = StudyTexts.Example.Replace("    per_kwh:\n      gwp100:\n", "    per_kwh:\n      from_background: lci\n      process: grid\n      gwp100:\n", StringComparison.Ordinal)
            + $"background:\n  lci:\n    file: {existing}\n    name: LCI\n    version: '1'\n";
        var line = StudyTexts.LineOf(text, "      from_background: lci");

        using var answer = await server.Client.PostAsync(Path("/api/studies/validate"), StudyTexts.Yaml(text));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var problem = Assert.Single((await JsonAsync(answer)).GetProperty("error").GetProperty("problems").EnumerateArray());
        Assert.Equal("background-unavailable", problem.GetProperty("code").GetString());
        Assert.Equal(line, problem.GetProperty("line").GetInt32());
        Assert.Contains("the server reads no file a study names", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_study_naming_a_background_database_kept_in_the_servers_store_is_assessed_with_it()
    {
        await using var server = await StartAsync();
        // The USDA beef set kept as cradle import openlca-jsonld --store keeps it: the background file's bytes.
        var file = System.IO.Path.Combine(server.Folder.FullName, "beef-kept.zip");
        var manifest = Cradle.Interchange.Background.BackgroundDatabaseFile.Write(
            RepositoryFiles.Path("tests", "data", "openlca-jsonld", "bw2io_beef-cattle-finishing"), "USDA beef", "2018-07-31", file, "cradle test",
            new DateTimeOffset(2026, 3, 14, 9, 0, 0, TimeSpan.Zero));
        server.Store.AddBackground(new Cradle.Store.Backgrounds.NewBackground(manifest.Name, manifest.Version, manifest.PackageSha256,
            manifest.Source, manifest.ImportedWith, manifest.ImportedAt, await File.ReadAllBytesAsync(file)));
        File.Delete(file); // the server reads the store, not this file
        var text = $"""
            cradle: 1
            name: Beef footprint {Guid.NewGuid():N}
            goal:
              application: check background databases kept in the server's store
              audience: Cradle's tests
            functional_unit:
              amount: 1 model
              description: one model
            system_boundary:
              included: [experimentation]
              excluded:
                inference: not served
            impact_categories: [gwp100]
            background:
              beef:
                store: USDA beef
            stages:
              experimentation:
                footprint:
                  from_background: beef
                  product_system: "beef cattle finishing; CCF operation; at auction; LW"
                  amount: 100 kg

            """;
        using var upload = await server.Client.PostAsync(Path("/api/studies"), StudyTexts.Yaml(text));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var id = (await JsonAsync(upload)).GetProperty("study").GetProperty("id").GetString()!;

        using var assess = await server.Client.PostAsync(Path($"/api/studies/{id}/assessments"), null);

        Assert.Equal(HttpStatusCode.Created, assess.StatusCode);
        var alternative = (await JsonAsync(assess)).GetProperty("results").GetProperty("alternatives")[0];
        // Hand-computed in tests/Cradle.Interchange.Tests/Reading/BackgroundInventoryTests.cs: 32,747,804.18975 kg CO2 eq
        // for the system's 2,914,841.44 kg live weight; 100 kg of it is 1,123.4797… kg CO2 eq.
        Assert.Equal(32_747_804.18975 / 2_914_841.44 * 100, alternative.GetProperty("totals").GetProperty("gwp100").GetDouble(), 9);
        var source = alternative.GetProperty("inputs").EnumerateArray()
            .Single(i => i.GetProperty("name").GetString()!.StartsWith("stages.experimentation.footprint", StringComparison.Ordinal)).GetProperty("source").GetString();
        Assert.StartsWith($"background database 'USDA beef' version 2018-07-31 (package SHA-256 {manifest.PackageSha256[..12]}…)", source, StringComparison.Ordinal);

        // A version the store does not keep is the study's error at its store: line.
        var missing = text.Replace("    store: USDA beef\n", "    store: USDA beef\n    version: '2024'\n", StringComparison.Ordinal);
        using var refused = await server.Client.PostAsync(Path("/api/studies/validate"), StudyTexts.Yaml(missing));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = Assert.Single((await JsonAsync(refused)).GetProperty("error").GetProperty("problems").EnumerateArray());
        Assert.Equal(StudyTexts.LineOf(missing, "    store: USDA beef"), problem.GetProperty("line").GetInt32());
        Assert.Contains("no background database 'USDA beef' version 2024 in the store (kept: version 2018-07-31)", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_413_and_bad_bodies_are_400_or_415()
    {
        await using var server = await StartAsync(o => o with { MaxUploadBytes = 2048 });

        // 4096 bytes against a limit of 2048.
        using var large = await server.Client.PostAsync(Path("/api/studies"), StudyTexts.Yaml(new string('#', 4096)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        var error = (await JsonAsync(large)).GetProperty("error");
        Assert.Equal("too-large", error.GetProperty("code").GetString());
        Assert.Contains("2 KiB (2048 bytes)", error.GetProperty("message").GetString(), StringComparison.Ordinal);

        using var latin1 = new ByteArrayContent([0x6E, 0x61, 0x6D, 0x65, 0x3A, 0x20, 0xE9, 0x0A]); // "name: é\n" in Latin-1: 0xE9 alone is not UTF-8
        latin1.Headers.ContentType = new("application/yaml");
        using var notUtf8 = await server.Client.PostAsync(Path("/api/studies"), latin1);
        Assert.Equal(HttpStatusCode.BadRequest, notUtf8.StatusCode);
        Assert.Equal("unreadable-study", (await JsonAsync(notUtf8)).GetProperty("error").GetProperty("code").GetString());

        using var empty = await server.Client.PostAsync(Path("/api/studies"), StudyTexts.Yaml(" \n"));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("unreadable-study", (await JsonAsync(empty)).GetProperty("error").GetProperty("code").GetString());

        using var json = await server.Client.PostAsync(Path("/api/studies"), StudyTexts.Yaml("{}", "application/json"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
    }

    [Fact]
    public async Task Assessing_the_example_stores_the_results_the_CLI_prints_and_renders_its_reports()
    {
        await using var server = await StartAsync();
        var text = StudyTexts.Unique();
        using var upload = await server.Client.PostAsync(Path("/api/studies"), StudyTexts.Yaml(text));
        var id = (await JsonAsync(upload)).GetProperty("study").GetProperty("id").GetString()!;

        using var assess = await server.Client.PostAsync(Path($"/api/studies/{id}/assessments"), null);

        Assert.Equal(HttpStatusCode.Created, assess.StatusCode);
        var expected = StudyTexts.CliResults(text);
        var body = await JsonAsync(assess);
        var assessment = body.GetProperty("assessment");
        var assessmentId = assessment.GetProperty("id").GetString()!;
        Assert.Equal(id, assessment.GetProperty("study_id").GetString());
        Assert.Equal(JsonValueKind.Null, assessment.GetProperty("iterations").ValueKind);
        Assert.Equal(expected.TrimEnd(), body.GetProperty("results").GetRawText());
        using var stored = await server.Client.GetAsync(Path($"/api/assessments/{assessmentId}"));
        Assert.Equal(expected, await stored.Content.ReadAsStringAsync());

        using var listed = await server.Client.GetAsync(Path($"/api/studies/{id}/assessments"));
        Assert.Equal(assessmentId, Assert.Single((await JsonAsync(listed)).GetProperty("assessments").EnumerateArray()).GetProperty("id").GetString());

        using var html = await server.Client.GetAsync(Path($"/api/assessments/{assessmentId}/report.html"));
        Assert.Equal("text/html; charset=utf-8", html.Content.Headers.ContentType?.ToString());
        Assert.Contains("<title>OLMo 2 7B — development, training and serving — life cycle assessment</title>", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var markdown = await server.Client.GetAsync(Path($"/api/assessments/{assessmentId}/report.md"));
        Assert.Equal(HttpStatusCode.OK, markdown.StatusCode);
        Assert.Contains("OLMo 2 7B", await markdown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monte_Carlo_gives_the_CLIs_draws_and_over_the_cap_is_refused()
    {
        await using var server = await StartAsync(o => o with { MaxMonteCarloIterations = 200 });
        var text = StudyTexts.Unique();
        using var upload = await server.Client.PostAsync(Path("/api/studies"), StudyTexts.Yaml(text));
        var id = (await JsonAsync(upload)).GetProperty("study").GetProperty("id").GetString()!;

        foreach (var query in new[] { "mc=201", "mc=-1", "mc=1e3", "seed=3" })
        {
            using var refused = await server.Client.PostAsync(Path($"/api/studies/{id}/assessments?{query}"), null);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("invalid-monte-carlo", (await JsonAsync(refused)).GetProperty("error").GetProperty("code").GetString());
        }
        using var none = await server.Client.GetAsync(Path($"/api/studies/{id}/assessments"));
        Assert.Empty((await JsonAsync(none)).GetProperty("assessments").EnumerateArray());

        using var drawn = await server.Client.PostAsync(Path($"/api/studies/{id}/assessments?mc=200&seed=7"), null);
        Assert.Equal(HttpStatusCode.Created, drawn.StatusCode);
        var assessment = (await JsonAsync(drawn)).GetProperty("assessment");
        Assert.Equal(200, assessment.GetProperty("iterations").GetInt32());
        Assert.Equal(7UL, assessment.GetProperty("seed").GetUInt64());
        using var stored = await server.Client.GetAsync(Path($"/api/assessments/{assessment.GetProperty("id").GetString()}"));
        // The same draws whatever the threads: 'cradle assess --mc 200 --seed 7' on one thread.
        Assert.Equal(StudyTexts.CliResults(text, new MonteCarloOptions(200, 7, 1)), await stored.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_ids_are_404()
    {
        await using var server = await StartAsync();
        foreach (var (method, route, code) in new[]
        {
            (HttpMethod.Get, "/api/studies/nope", "study-not-found"),
            (HttpMethod.Get, "/api/studies/nope/assessments", "study-not-found"),
            (HttpMethod.Post, "/api/studies/nope/assessments", "study-not-found"),
            (HttpMethod.Get, "/api/assessments/nope", "assessment-not-found"),
            (HttpMethod.Get, "/api/assessments/nope/report.html", "assessment-not-found"),
            (HttpMethod.Get, "/api/assessments/nope/report.md", "assessment-not-found"),
        })
        {
            using var request = new HttpRequestMessage(method, Path(route));
            using var answer = await server.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
            Assert.Equal(code, (await JsonAsync(answer)).GetProperty("error").GetProperty("code").GetString());
        }
    }
}

/// <summary>The studies' API over a new SQLite store per server.</summary>
public sealed class StudyApiSqliteTests : StudyApiContract
{
    protected override string? StoreLocation => null;
}

/// <summary>The studies' API over a real PostgreSQL database, new for this class (<c>$CRADLE_TEST_POSTGRES</c>).</summary>
public sealed class StudyApiPostgresTests(PostgresDatabase database) : StudyApiContract, IClassFixture<PostgresDatabase>
{
    protected override string? StoreLocation => database.Uri;
}
