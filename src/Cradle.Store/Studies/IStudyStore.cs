namespace Cradle.Store.Studies;

/// <summary>
/// Studies and their assessments kept in the run store (what <c>cradle serve</c> shows under Studies): each study's
/// text with its SHA-256, and each assessment's results document (cradle.assessment/2) as written. Every write is one
/// transaction, committed when the method returns; implementations are safe to call from several threads.
/// </summary>
public interface IStudyStore
{
    /// <summary>
    /// Stores a study; a text whose SHA-256 is already stored is not stored again: the existing study is returned with
    /// <c>Created</c> false (its name stays the one first given).
    /// </summary>
    /// <exception cref="ArgumentException">The name is blank or too long, or the text is empty or over
    /// <see cref="StudyLimits.MaxStudyBytes"/>.</exception>
    (StoredStudy Study, bool Created) AddStudy(NewStudy study);

    /// <summary>The study with this id (with its count of assessments), or null.</summary>
    StoredStudy? FindStudy(string id);

    /// <summary>The study's text as uploaded, or null when no study has this id.</summary>
    string? GetStudyText(string id);

    /// <summary>Every study, newest upload first (then by id).</summary>
    IReadOnlyList<StoredStudy> ListStudies();

    /// <summary>Stores an assessment of a stored study.</summary>
    /// <exception cref="ArgumentException">The results are empty or over <see cref="StudyLimits.MaxResultsBytes"/>, or
    /// the iterations are below 1.</exception>
    /// <exception cref="StoreException">No study has the id (code <c>study-not-found</c>).</exception>
    StoredAssessment AddAssessment(NewAssessment assessment);

    /// <summary>The assessment with this id, or null.</summary>
    StoredAssessment? FindAssessment(string id);

    /// <summary>The assessment's results document as stored, or null when no assessment has this id.</summary>
    string? GetAssessmentResults(string id);

    /// <summary>The study's assessments, newest first (then by id); empty when it has none or does not exist.</summary>
    IReadOnlyList<StoredAssessment> ListAssessments(string studyId);
}
