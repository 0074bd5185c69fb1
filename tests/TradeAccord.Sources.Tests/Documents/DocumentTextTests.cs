using TradeAccord.Sources.Agreements;
using TradeAccord.Sources.Documents;
using TradeAccord.Sources.Negotiation;
using TradeAccord.Sources.Scenarios;

namespace TradeAccord.Sources.Tests.Documents;

public class DocumentTextTests
{
    private const string TinyScenario = "name: tiny\ndescription: a synthetic scenario\nchanges: []\n";

    [Fact]
    public void The_device_dev_zero_is_refused_without_reading_it()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "devices are recognised on Linux");
        var baseline = BuiltIn.Loader.Baseline;

        var error = Bounded.Run(() => Should.Throw<SourceException>(() => ScenarioReader.Read("/dev/zero", baseline, "zero.yaml")));

        error.Message.ShouldBe("zero.yaml: is a character device, not a regular file: expected a file of text");
        error.Kind.ShouldBe(Core.Errors.ErrorKind.InvalidDocument);
    }

    [Fact]
    public void A_fifo_is_refused_without_waiting_for_a_writer()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "FIFOs are recognised on Linux");
        using var temp = new TempFolder();
        var fifo = SpecialFiles.Fifo(Path.Combine(temp.Path, "domain.yaml"));

        var error = Bounded.Run(
            () => Should.Throw<SourceException>(() => NegotiationReader.Read(fifo, "domain.yaml")), () => SpecialFiles.ReleaseReader(fifo));

        error.Message.ShouldBe("domain.yaml: is a FIFO (named pipe), not a regular file: expected a file of text");
    }

    [Fact]
    public void A_fifo_reached_through_a_symbolic_link_is_refused_too()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "FIFOs are recognised on Linux");
        using var temp = new TempFolder();
        var fifo = SpecialFiles.Fifo(Path.Combine(temp.Path, "pipe"));
        var link = Path.Combine(temp.Path, "agreement.yaml");
        File.CreateSymbolicLink(link, fifo);
        var context = BuiltIn.Loader.AgreementContext;

        var read = Bounded.Run(() => AgreementReader.Read(link, context, "agreement.yaml"), () => SpecialFiles.ReleaseReader(fifo));

        read.Problems.ShouldHaveSingleItem().ToString()
            .ShouldBe("agreement.yaml:1:1: error [refused] is a FIFO (named pipe), not a regular file: expected a file of text");
    }

    [Fact]
    public void A_directory_is_refused()
    {
        using var temp = new TempFolder();

        Should.Throw<SourceException>(() => DocumentText.ReadFile(temp.Path, "folder")).Message
            .ShouldBe("folder: is a directory, not a regular file: expected a file of text");
    }

    [Fact]
    public void A_missing_file_cannot_be_read() =>
        Should.Throw<SourceException>(() => DocumentText.ReadFile("/nonexistent/scenario.yaml", "scenario.yaml")).Message
            .ShouldStartWith("scenario.yaml: cannot be read: ");

    [Fact]
    public void A_symbolic_link_to_a_regular_file_reads_like_the_file()
    {
        using var temp = new TempFolder();
        var file = temp.Write("tiny.yaml", TinyScenario);
        var link = Path.Combine(temp.Path, "link.yaml");
        File.CreateSymbolicLink(link, file);

        var scenario = ScenarioReader.Read(link, BuiltIn.Loader.Baseline);

        scenario.Name.ShouldBe("tiny");
        DocumentText.ReadFile(link, "link.yaml").ShouldBe(TinyScenario);
    }

    [Fact]
    public void A_file_over_the_limit_is_refused_naming_the_limit()
    {
        using var temp = new TempFolder();
        var file = temp.Write("big.yaml", TinyScenario + new string('#', DocumentLimits.MaxBytes));

        Should.Throw<SourceException>(() => ScenarioReader.Read(file, BuiltIn.Loader.Baseline, "big.yaml")).Message
            .ShouldBe("big.yaml: is larger than 1 MiB, the limit for a document: expected a smaller document");
    }

    [Fact]
    public void The_limit_is_inclusive()
    {
        using var temp = new TempFolder();
        var file = temp.Write("limit.txt", new string('x', 100));

        DocumentText.ReadFile(file, "limit.txt", maxBytes: 100).Length.ShouldBe(100);
        Should.Throw<SourceException>(() => DocumentText.ReadFile(file, "limit.txt", maxBytes: 99)).Message
            .ShouldContain("larger than 99 bytes");
    }

    [Fact]
    public void Text_over_the_limit_is_refused_by_its_size_in_bytes()
    {
        // Fewer characters than the limit, but two UTF-8 bytes each: more bytes than it.
        var text = TinyScenario + "# " + new string('é', DocumentLimits.MaxBytes / 2);

        Should.Throw<SourceException>(() => ScenarioReader.Parse(text, "body", BuiltIn.Loader.Baseline)).Message
            .ShouldBe("body: is larger than 1 MiB, the limit for a document: expected a smaller document");
        Should.Throw<SourceException>(() => NegotiationReader.Parse(text, "body")).Message.ShouldContain("1 MiB");
        AgreementReader.Parse(text, "body", BuiltIn.Loader.AgreementContext).Problems.ShouldHaveSingleItem().Rule.ShouldBe(Rules.Refused);
    }

    [Fact]
    public void Shipped_documents_are_far_under_the_limit()
    {
        var paths = BuiltIn.Loader.Paths;
        var documents = new[] { paths.Agreements, paths.Scenarios, paths.Negotiations }
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(paths.Data, "*.yaml", SearchOption.AllDirectories))
            .ToList();

        documents.Count.ShouldBeGreaterThan(10);
        documents.ShouldAllBe(f => new FileInfo(f).Length < DocumentLimits.MaxBytes / 20);
    }
}
