namespace Pnen.Data.Formats.Spss;

/// <summary>The 176-byte file header record of an SPSS system file (PSPP developers' guide, "File Header Record").</summary>
internal sealed record SavHeader(bool Zlib, int Compression, int CaseCount, double Bias)
{
    public static SavHeader Read(ByteCursor cursor)
    {
        var zlib = cursor.TryExpect("$FL3");
        if (cursor.Length < 176 || !(zlib || cursor.TryExpect("$FL2")))
        {
            throw cursor.Fail("is not an SPSS system file (it does not start with $FL2 or $FL3); is it a .por portable file or another format renamed?");
        }
        cursor.Skip(60, "the product name");

        // The layout code is 2 or 3 in the writer's byte order: it tells the byte order of the whole file.
        var layoutAt = cursor.Position;
        var layout = cursor.Int32("the layout code");
        if (layout is not (2 or 3))
        {
            cursor.BigEndian = true;
            cursor.Position = layoutAt;
            layout = cursor.Int32("the layout code");
            if (layout is not (2 or 3)) throw cursor.Fail($"is damaged: the header's layout code is neither 2 nor 3 in either byte order");
        }
        cursor.Int32("the nominal case size"); // recomputed from the variable records
        var compression = cursor.Int32("the compression code");
        if (compression is not (0 or 1 or 2) || (compression == 2) != zlib)
        {
            throw cursor.Fail($"is damaged: compression code {compression} does not match the file's kind ({(zlib ? "$FL3, zlib" : "$FL2")})");
        }
        cursor.Int32("the weight index");
        var cases = cursor.Int32("the number of cases");
        var bias = cursor.Double("the compression bias");
        cursor.Skip(9 + 8 + 64 + 3, "the creation date, time and file label");
        return new SavHeader(zlib, compression, cases, bias);
    }
}
