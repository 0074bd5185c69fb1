using TradeAccord.Web;

// accord-server: the API for every capability and the dashboard, on the embedded store with the built-in data.
return await ServerProgram.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
