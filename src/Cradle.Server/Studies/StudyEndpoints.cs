using Microsoft.AspNetCore.Builder;

namespace Cradle.Server.Studies;

/// <summary>Routes of studies, validation, assessments and reports (being built: issue 15).</summary>
internal static class StudyEndpoints
{
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
    }
}
