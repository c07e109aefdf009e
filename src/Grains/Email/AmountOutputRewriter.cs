using Fluid;
using Fluid.Ast;
using Fluid.Parser;
using Fluid.Values;

namespace Mimo.Grains.Email;

/// <summary>
/// Rewrites a parsed template so that every <c>{{ … }}</c> whose result is one of the model's
/// amounts prints it with its currency's decimals (see <see cref="TemplateValues"/>).
/// </summary>
internal sealed class AmountOutputRewriter : AstRewriter
{
    /// <summary>The same template, its outputs wrapped; any other kind of template as it is.</summary>
    public static IFluidTemplate Rewrite(IFluidTemplate template)
    {
        if (template is not FluidTemplate parsed)
        {
            return template;
        }

        var rewriter = new AmountOutputRewriter();
        return new FluidTemplate(parsed.Statements.Select(rewriter.Visit).ToList());
    }

    protected override Statement VisitOutputStatement(OutputStatement outputStatement) =>
        new OutputStatement(new AmountOutput(outputStatement.Expression));

    private sealed class AmountOutput(Expression expression) : Expression
    {
        public override async ValueTask<FluidValue> EvaluateAsync(TemplateContext context)
        {
            var value = await expression.EvaluateAsync(context);
            return TemplateValues.TryFormatAmount(context, value, out var text) ? StringValue.Create(text) : value;
        }
    }
}
