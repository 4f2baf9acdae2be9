using System.Security.Cryptography;
using System.Text;

namespace Cradle.Store.Studies;

/// <summary>
/// Boundary checks every adapter applies before storing a study or an assessment, and the figures stored with a
/// study's text (hash, size), computed the same way by both adapters.
/// </summary>
public static class StudyLimits
{
    /// <summary>Largest study text, UTF-8 bytes: a study is a few kB; the server's upload limit (1 MiB by default) is
    /// below this, so the store refuses only what no caller should send.</summary>
    public const int MaxStudyBytes = 16 << 20;

    /// <summary>Largest results document, UTF-8 bytes: Monte Carlo results with histograms and a comparison are a few
    /// MB at most.</summary>
    public const int MaxResultsBytes = 64 << 20;

    /// <summary>Longest study name, characters.</summary>
    public const int MaxNameLength = 200;

    /// <summary>SHA-256 of <paramref name="text"/> in UTF-8, 64 lower-case hex digits.</summary>
    public static string Sha256(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Checks a study about to be stored; returns its size in UTF-8 bytes.</summary>
    /// <exception cref="ArgumentException">A field is blank, too long or too large.</exception>
    public static long Check(NewStudy study)
    {
        ArgumentNullException.ThrowIfNull(study);
        if (string.IsNullOrWhiteSpace(study.Name) || study.Name.Length > MaxNameLength || study.Name.Any(char.IsControl))
        {
            throw new ArgumentException($"A study's name is 1 to {MaxNameLength} characters without control characters.", nameof(study));
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(study.ToolVersion, nameof(study));
        return CheckText(study.Text, MaxStudyBytes, "study", nameof(study));
    }

    /// <summary>Checks an assessment about to be stored; returns the size of its results in UTF-8 bytes.</summary>
    /// <exception cref="ArgumentException">A field is blank, out of range or too large.</exception>
    public static long Check(NewAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentException.ThrowIfNullOrWhiteSpace(assessment.StudyId, nameof(assessment));
        ArgumentException.ThrowIfNullOrWhiteSpace(assessment.ToolVersion, nameof(assessment));
        if (assessment.Iterations is < 1 || (assessment.Iterations is null) != (assessment.Seed is null))
        {
            throw new ArgumentException("An assessment has Monte Carlo iterations (at least 1) and a seed together, or neither.", nameof(assessment));
        }
        return CheckText(assessment.Results, MaxResultsBytes, "results document", nameof(assessment));
    }

    private static long CheckText(string text, int limit, string what, string parameter)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException($"The {what} is empty.", parameter);
        }
        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > limit)
        {
            throw new ArgumentException($"The {what} is {bytes} bytes, over the store's limit of {limit} bytes.", parameter);
        }
        return bytes;
    }

    /// <summary>The refusal of an assessment for a study that is not stored (code <c>study-not-found</c>), the same from
    /// every adapter.</summary>
    internal static StoreException StudyNotFound(string id) =>
        new("study-not-found", $"No study has id '{id}'; list the stored studies to find its id. Nothing was stored.");
}
