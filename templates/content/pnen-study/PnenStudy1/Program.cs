// dotnet run -- [--data my.csv] [--out report] [--format html,md,csv,json,svg] [--quiet]
return await PnenStudy1.CohortStudy.RunAsync(args);
