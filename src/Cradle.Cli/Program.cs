using Cradle.Cli;

return await CradleApp.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
