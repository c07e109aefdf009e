using System.Collections.Frozen;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Mimo.Grains.Email;

/// <summary>
/// Derives a readable plain-text body from an HTML body: paragraphs and blocks become lines,
/// list items start with "- ", links keep their address as <c>label (https://…)</c>, entities
/// are decoded, and scripts, styles and the head are dropped.
/// </summary>
internal static class HtmlText
{
    private static readonly FrozenSet<string> Skipped = Names(
        "head title script style template noscript iframe object svg math select button");

    private static readonly FrozenSet<string> Paragraphs = Names(
        "p h1 h2 h3 h4 h5 h6 ul ol dl table blockquote pre hr address figure fieldset");

    private static readonly FrozenSet<string> Blocks = Names(
        "div li dt dd tr section article aside header footer main nav form details summary caption center");

    private static readonly FrozenSet<string> Cells = Names("td th");

    public static string ToPlainText(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var writer = new PlainTextWriter();
        var walk = new Stack<(INode Node, bool Leaving, int Start)>();
        walk.Push((document.Body ?? (INode)document, false, 0));
        while (walk.TryPop(out var step))
        {
            if (step.Leaving)
            {
                Leave((IElement)step.Node, writer, step.Start);
            }
            else
            {
                Enter(step.Node, writer, walk);
            }
        }

        return writer.ToString();
    }

    // A stack rather than recursion: a deeply nested body must not exhaust the thread's stack.
    private static void Enter(INode node, PlainTextWriter writer, Stack<(INode, bool, int)> walk)
    {
        if (node is IText text)
        {
            WriteText(text, writer);
            return;
        }

        if (node is not IElement element || !Skipped.Contains(element.LocalName))
        {
            if (node is IElement opened)
            {
                Open(opened, writer);
                walk.Push((opened, true, writer.Length));
            }

            for (var child = node.LastChild; child is not null; child = child.PreviousSibling)
            {
                walk.Push((child, false, 0));
            }
        }
    }

    private static void WriteText(IText text, PlainTextWriter writer)
    {
        if (text.ParentElement?.Closest("pre") is not null)
        {
            writer.WritePreformatted(text.Data);
        }
        else
        {
            writer.Write(text.Data);
        }
    }

    private static void Open(IElement element, PlainTextWriter writer)
    {
        var name = element.LocalName;
        if (name == "br")
        {
            writer.AddLineBreak();
        }
        else if (name == "li")
        {
            writer.WritePrefix(new string(' ', 2 * Math.Max(0, ListDepth(element) - 1)) + "- ");
        }
        else if (Cells.Contains(name))
        {
            writer.Separate("  ");
        }
        else
        {
            BreakBlock(element, writer);
        }
    }

    private static void Leave(IElement element, PlainTextWriter writer, int start)
    {
        var name = element.LocalName;
        if (name == "a")
        {
            WriteLinkTarget(element, writer, writer.Since(start));
        }
        else if (Cells.Contains(name))
        {
            writer.Separate("  ");
        }
        else
        {
            BreakBlock(element, writer);
        }
    }

    private static void BreakBlock(IElement element, PlainTextWriter writer)
    {
        var nestedList = element.LocalName is "ul" or "ol" && element.ParentElement?.Closest("li") is not null;
        if (Paragraphs.Contains(element.LocalName) && !nestedList)
        {
            writer.BreakParagraph();
        }
        else if (Blocks.Contains(element.LocalName) || nestedList)
        {
            writer.BreakLine();
        }
    }

    private static void WriteLinkTarget(IElement link, PlainTextWriter writer, string label)
    {
        var href = link.GetAttribute("href")?.Trim();
        if (string.IsNullOrEmpty(href) || href.StartsWith('#') || IsScript(href))
        {
            return;
        }

        var address = href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? href[7..] : href;
        if (label == href || label == address)
        {
            return;
        }

        writer.Write(label.Length == 0 ? href : $" ({href})");
    }

    private static bool IsScript(string href) => href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase);

    private static int ListDepth(IElement item) =>
        item.GetAncestors().OfType<IElement>().Count(e => e.LocalName is "ul" or "ol");

    private static FrozenSet<string> Names(string names) =>
        names.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);
}
