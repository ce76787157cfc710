return await ColonAdjuvant.ColonAdjuvantStudy.RunAsync(args);
