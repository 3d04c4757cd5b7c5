
using Router.Lsp.Refactor;

namespace Router.Lsp.Tests.Refactor;

public sealed class FileSectionParserTests
{
    [Theory]
    [InlineData("FILE: src/A.cs\n```csharp\nclass A {}\n```")]
    [InlineData("File: `src/A.cs`\n\n```csharp\nclass A {}\n```")]
    [InlineData("### src/A.cs\n```csharp\nclass A {}\n```")]
    [InlineData("**File:** `src/A.cs`\n```cs\nclass A {}\n```")]
    [InlineData("// File: src/A.cs\n```csharp\nclass A {}\n```")]
    [InlineData("```csharp src/A.cs\nclass A {}\n```")]
    [InlineData("```csharp title=\"src/A.cs\"\nclass A {}\n```")]
    [InlineData("```src/A.cs\nclass A {}\n```")]
    [InlineData("FILE: src/A.cs\r\n```csharp\r\nclass A {}\r\n```\r\n")]
    [InlineData("FILE: src/A.cs (new)\n```csharp\nclass A {}\n```")]
    [InlineData("FILE: `src/A.cs` (updated)\n```csharp\nclass A {}\n```")]
    public void A_file_section_is_found_however_the_model_writes_its_path(string answer)
    {
        FileSection section = Assert.Single(FileSectionParser.Parse(answer));

        Assert.Equal(("src/A.cs", "class A {}", true), (section.Path, section.Content, section.Closed));
    }

    [Fact]
    public void Several_sections_keep_their_order_and_prose_between_them_is_no_path()
    {
        const string answer = "Here is the refactored code:\n\nFILE: src/A.cs\n```csharp\nclass A {}\n```\n\nAnd the caller:\n\nFILE: src/B.cs\n```csharp\nclass B {}\n```\nRenamed A.";

        List<FileSection> sections = FileSectionParser.Parse(answer);

        Assert.Equal(["src/A.cs", "src/B.cs"], sections.Select(s => s.Path));
    }

    [Fact]
    public void A_block_under_a_sentence_has_no_path_and_is_left_out()
    {
        Assert.Empty(FileSectionParser.Parse("Here is the new version of the code:\n```csharp\nclass A {}\n```"));
    }

    [Fact]
    public void A_block_the_answer_ends_inside_is_marked_as_cut_off()
    {
        FileSection section = Assert.Single(FileSectionParser.Parse("FILE: src/A.cs\n```csharp\nclass A\n{\n"));

        Assert.False(section.Closed);
    }

    [Fact]
    public void A_longer_fence_holds_code_containing_a_shorter_one()
    {
        FileSection section = Assert.Single(FileSectionParser.Parse("FILE: docs/x.md\n````markdown\n```csharp\nvar x = 1;\n```\n````"));

        Assert.Equal("```csharp\nvar x = 1;\n```", section.Content);
    }
}
