// dotnet run -- [--data my.csv] [--out report] [--format html,md,csv,json,svg] [--quiet]
return await Pnen_Study1.CohortStudy.RunAsync(args);
