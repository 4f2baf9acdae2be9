namespace Cradle.Import.CodeCarbon;

/// <summary>How rows become runs.</summary>
/// <param name="JobId">The batch job every imported run belongs to (e.g. the Slurm job whose ranks wrote the files); null
/// for none.</param>
/// <param name="Group">True: all rows of all files make one run, with one cpu/gpu/ram sensor per row (the ranks or nodes of
/// one job). False: one run per row.</param>
/// <param name="SiteId">A catalog site (already checked) for every run, in place of the one each row's location maps to;
/// null to map locations.</param>
/// <param name="UtcOffset">The offset of the machines' local time: CodeCarbon writes its timestamps in local time without a
/// zone. Zero reads them as UTC.</param>
public sealed record CodeCarbonImportOptions(string? JobId = null, bool Group = false, string? SiteId = null, TimeSpan UtcOffset = default);
