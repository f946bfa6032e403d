using Argus.Cli;

return await ArgusApp.RunAsync(args, Console.Out, Console.Error);
