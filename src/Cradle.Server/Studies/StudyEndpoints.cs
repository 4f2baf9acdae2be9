using Cradle.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Cradle.Server.Studies;

/// <summary>Routes of studies, validation, assessments and reports: the API (<see cref="StudyApi"/>) and the pages
/// (<see cref="StudyPages"/>), sharing one <see cref="StudyService"/> and its gate of concurrent assessments.</summary>
internal static class StudyEndpoints
{
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var gate = new AssessmentGate();
        app.Lifetime.ApplicationStopped.Register(gate.Dispose);
        var studies = new StudyService(app.Services.GetRequiredService<ServerState>(), gate);
        StudyApi.Map(app, studies);
        StudyPages.Map(app, studies);
    }
}
