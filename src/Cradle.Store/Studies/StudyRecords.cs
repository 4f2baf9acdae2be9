namespace Cradle.Store.Studies;

/// <summary>A study to store.</summary>
/// <param name="Name">The name shown in lists (the study's own name, or the one given with the upload).</param>
/// <param name="Text">The study file's text (YAML), exactly as uploaded.</param>
/// <param name="ToolVersion">The version of Cradle that stored it.</param>
public sealed record NewStudy(string Name, string Text, string ToolVersion);

/// <summary>A stored study, without its text (<see cref="IStudyStore.GetStudyText"/> reads it).</summary>
/// <param name="Id">Its id (upload time and six hex digits, as run ids).</param>
/// <param name="Name">Its name.</param>
/// <param name="Sha256">SHA-256 of the text in UTF-8, 64 lower-case hex digits (what <c>sha256sum</c> gives for the file).</param>
/// <param name="Bytes">Size of the text in UTF-8 bytes.</param>
/// <param name="ToolVersion">The version of Cradle that stored it.</param>
/// <param name="UploadedUtc">When it was stored.</param>
/// <param name="Assessments">How many assessments of it are stored.</param>
public sealed record StoredStudy(string Id, string Name, string Sha256, long Bytes, string ToolVersion, DateTimeOffset UploadedUtc, int Assessments);

/// <summary>An assessment to store.</summary>
/// <param name="StudyId">The stored study assessed.</param>
/// <param name="Results">The results document (cradle.assessment/2) as written.</param>
/// <param name="Iterations">Monte Carlo iterations, or null when none were drawn.</param>
/// <param name="Seed">The Monte Carlo seed, or null when none were drawn.</param>
/// <param name="ToolVersion">The version of Cradle that assessed it.</param>
public sealed record NewAssessment(string StudyId, string Results, int? Iterations, ulong? Seed, string ToolVersion);

/// <summary>A stored assessment, without its results (<see cref="IStudyStore.GetAssessmentResults"/> reads them).</summary>
/// <param name="Id">Its id.</param>
/// <param name="StudyId">The study assessed.</param>
/// <param name="Iterations">Monte Carlo iterations, or null.</param>
/// <param name="Seed">The Monte Carlo seed, or null.</param>
/// <param name="ToolVersion">The version of Cradle that assessed it.</param>
/// <param name="CreatedUtc">When it was stored.</param>
/// <param name="Bytes">Size of the results in UTF-8 bytes.</param>
public sealed record StoredAssessment(string Id, string StudyId, int? Iterations, ulong? Seed, string ToolVersion, DateTimeOffset CreatedUtc, long Bytes);
