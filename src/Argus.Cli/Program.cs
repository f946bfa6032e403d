Console.WriteLine("argus");
