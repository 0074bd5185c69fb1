using TradeAccord.Cli.Infrastructure;

var console = AccordApp.CreateConsole(Console.Out, !Console.IsOutputRedirected);
return await AccordApp.RunAsync(args, new CliContext(console, Console.Out, Console.Error));
