return await PnenSurgery.PnenSurgeryStudy.RunAsync(args);
