using System.Text;
using System.Text.Json;
using Argus.Core.Import;

namespace Argus.Core.Tests.Import;

public sealed class ImportExceptionTests
{
    [Fact]
    public void Json_errors_name_the_file_line_and_column_one_based()
    {
        var json = "{\n  \"Vpcs\": [\n    {\"VpcId\": \"vpc-1\",}\n  ]\n}";
        var jsonError = Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(Encoding.UTF8.GetBytes(json)));

        var e = ImportException.FromJson("aws_configs/Vpcs.json", jsonError);

        Assert.Equal(3, e.Line);
        Assert.StartsWith("aws_configs/Vpcs.json:3:", e.Message);
        Assert.Contains("malformed JSON", e.Message);
        Assert.DoesNotContain("Path:", e.Message);
    }

    [Fact]
    public void Messages_without_a_position_name_the_file()
    {
        Assert.Equal("x/y.json: no such document", new ImportException("x/y.json", "no such document").Message);
    }
}
