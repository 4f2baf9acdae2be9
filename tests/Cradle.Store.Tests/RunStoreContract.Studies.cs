using System.Text;
using Cradle.Store.Studies;

namespace Cradle.Store.Tests;

/// <summary>Studies and assessments kept in the store (what <c>cradle serve</c> shows under Studies).</summary>
public abstract partial class RunStoreContract
{
    private const string StudyText = "cradle: 1\nname: résumé model\n";

    [Fact]
    public void A_study_reads_back_with_its_hash_size_and_text()
    {
        var store = Store();
        var (study, created) = store.AddStudy(new NewStudy("résumé model", StudyText, "0.1.0+abc"));

        Assert.True(created);
        Assert.Equal("résumé model", study.Name);
        // sha256 of the UTF-8 bytes, as `printf 'cradle: 1\nname: résumé model\n' | sha256sum` gives.
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(StudyText))), study.Sha256);
        // 29 characters, "é" twice is 2 bytes each in UTF-8: 29 + 2 = 31 bytes.
        Assert.Equal(31, study.Bytes);
        Assert.Equal("0.1.0+abc", study.ToolVersion);
        Assert.Equal(T0, study.UploadedUtc);
        Assert.Equal(0, study.Assessments);
        Assert.Equal(StudyText, Store().GetStudyText(study.Id));
        Assert.Equal(study, Store().FindStudy(study.Id));
        Assert.Null(store.FindStudy("20260314-091502-000000"));
        Assert.Null(store.GetStudyText("20260314-091502-000000"));
    }

    [Fact]
    public void The_same_text_twice_is_one_study_with_its_first_name()
    {
        var store = Store();
        var (first, _) = store.AddStudy(new NewStudy("first", StudyText, "0.1.0"));
        Clock.Advance(TimeSpan.FromMinutes(1));
        var (again, created) = Store().AddStudy(new NewStudy("second", StudyText, "0.2.0"));

        Assert.False(created);
        Assert.Equal(first, again);
        Assert.Single(store.ListStudies());
    }

    [Fact]
    public void Studies_list_newest_first_with_their_assessment_counts()
    {
        var store = Store();
        var (older, _) = store.AddStudy(new NewStudy("older", "cradle: 1\n", "0.1.0"));
        Clock.Advance(TimeSpan.FromSeconds(5));
        var (newer, _) = store.AddStudy(new NewStudy("newer", "cradle: 1\n# another\n", "0.1.0"));
        store.AddAssessment(new NewAssessment(older.Id, "{\"schema\": \"cradle.assessment/2\"}", null, null, "0.1.0"));
        store.AddAssessment(new NewAssessment(older.Id, "{\"schema\": \"cradle.assessment/2\"}", 1000, 42, "0.1.0"));

        var listed = Store().ListStudies();

        Assert.Equal([newer.Id, older.Id], listed.Select(s => s.Id));
        Assert.Equal([0, 2], listed.Select(s => s.Assessments));
    }

    [Fact]
    public void An_assessment_reads_back_with_its_results_iterations_and_seed()
    {
        var store = Store();
        var (study, _) = store.AddStudy(new NewStudy("s", StudyText, "0.1.0"));
        const string Results = "{\n  \"schema\": \"cradle.assessment/2\"\n}\n";
        var deterministic = store.AddAssessment(new NewAssessment(study.Id, Results, null, null, "0.1.0"));
        Clock.Advance(TimeSpan.FromSeconds(1));
        // The largest seed: an unsigned 64-bit number, beyond a signed INTEGER column, read back exactly.
        var sampled = store.AddAssessment(new NewAssessment(study.Id, Results, 10_000, ulong.MaxValue, "0.2.0"));

        Assert.Equal(new StoredAssessment(deterministic.Id, study.Id, null, null, "0.1.0", T0, Encoding.UTF8.GetByteCount(Results)), deterministic);
        Assert.Equal(10_000, sampled.Iterations);
        Assert.Equal(ulong.MaxValue, sampled.Seed);
        Assert.Equal(T0.AddSeconds(1), sampled.CreatedUtc);
        Assert.Equal(Results, Store().GetAssessmentResults(sampled.Id));
        Assert.Equal(sampled, Store().FindAssessment(sampled.Id));
        Assert.Equal([sampled.Id, deterministic.Id], Store().ListAssessments(study.Id).Select(a => a.Id));
        Assert.Empty(store.ListAssessments("no-such-study"));
        Assert.Null(store.FindAssessment("no-such-assessment"));
        Assert.Null(store.GetAssessmentResults("no-such-assessment"));
    }

    [Fact]
    public void An_assessment_of_a_missing_study_is_refused_and_nothing_is_stored()
    {
        var store = Store();

        var e = Assert.Throws<StoreException>(() => store.AddAssessment(new NewAssessment("20260314-091502-000000", "{}", null, null, "0.1.0")));

        Assert.Equal("study-not-found", e.Code);
        Assert.Empty(store.ListStudies());
    }

    [Fact]
    public void Blank_oversized_or_half_given_inputs_are_refused_before_writing()
    {
        var store = Store();
        Assert.Throws<ArgumentException>(() => store.AddStudy(new NewStudy(" ", StudyText, "0.1.0")));
        Assert.Throws<ArgumentException>(() => store.AddStudy(new NewStudy("a\u001bb", StudyText, "0.1.0")));
        Assert.Throws<ArgumentException>(() => store.AddStudy(new NewStudy("s", "  \n", "0.1.0")));
        // One byte over the limit: MaxStudyBytes ASCII characters plus one.
        Assert.Throws<ArgumentException>(() => store.AddStudy(new NewStudy("s", new string('#', StudyLimits.MaxStudyBytes + 1), "0.1.0")));
        Assert.Empty(store.ListStudies());

        var (study, _) = store.AddStudy(new NewStudy("s", StudyText, "0.1.0"));
        Assert.Throws<ArgumentException>(() => store.AddAssessment(new NewAssessment(study.Id, "{}", 0, 1, "0.1.0")));
        Assert.Throws<ArgumentException>(() => store.AddAssessment(new NewAssessment(study.Id, "{}", 100, null, "0.1.0")));
        Assert.Throws<ArgumentException>(() => store.AddAssessment(new NewAssessment(study.Id, "", null, null, "0.1.0")));
        Assert.Empty(store.ListAssessments(study.Id));
    }
}
