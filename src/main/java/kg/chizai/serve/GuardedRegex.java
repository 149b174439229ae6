package kg.chizai.serve;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.sse.Tags;

/**
 * SPARQL {@code REGEX} and {@code REPLACE} as Jena evaluates them ({@code E_Regex} with Java
 * regular expressions, {@code E_StrReplace}), but matching over a {@link Deadline#guard guarded}
 * string, so that a catastrophically backtracking pattern is stopped by the query timeout. The
 * endpoint puts these in place of Jena's before a query is optimised ({@link QueryGuards}).
 */
abstract class GuardedRegex extends ExprFunctionN {

  private final Pattern constant;

  GuardedRegex(String name, int patternArg, int flagsArg, Expr... args) {
    super(name, args);
    Expr p = args[patternArg];
    Expr f = flagsArg < args.length ? args[flagsArg] : null;
    constant =
        p != null && isString(p) && (f == null || isString(f))
            ? RegexEngine.makePattern(
                name.toUpperCase(java.util.Locale.ROOT),
                p.getConstant().getString(),
                f == null ? null : f.getConstant().getString())
            : null;
  }

  private static boolean isString(Expr e) {
    return e.isConstant() && e.getConstant().isString();
  }

  @Override
  public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
    AtomicBoolean cancel = env instanceof ExecutionContext ec ? ec.getCancelSignal() : null;
    return eval(args, cancel);
  }

  @Override
  public NodeValue eval(List<NodeValue> args) {
    return eval(args, (AtomicBoolean) null);
  }

  abstract NodeValue eval(List<NodeValue> args, AtomicBoolean cancel);

  Pattern pattern(NodeValue pattern, NodeValue flags) {
    if (constant != null) {
      return constant;
    }
    String label = getFunctionSymbol().getSymbol().toUpperCase(java.util.Locale.ROOT);
    String p = NodeValueOps.checkAndGetStringLiteral(label, pattern).getLiteralLexicalForm();
    String f =
        flags == null
            ? null
            : NodeValueOps.checkAndGetStringLiteral(label, flags).getLiteralLexicalForm();
    if (f != null && !f.matches("[smixq]*")) {
      throw new ExprEvalException(label + ": only 'smixq' are legal as flags: \"" + f + "\"");
    }
    return RegexEngine.makePattern(label, p, f);
  }

  /** {@code REGEX(text, pattern [, flags])}. */
  static final class Regex extends GuardedRegex {
    Regex(Expr text, Expr pattern, Expr flags) {
      super(
          Tags.tagRegex,
          1,
          2,
          flags == null ? new Expr[] {text, pattern} : new Expr[] {text, pattern, flags});
    }

    @Override
    NodeValue eval(List<NodeValue> args, AtomicBoolean cancel) {
      Node text = NodeValueOps.checkAndGetStringLiteral("REGEX", args.get(0));
      Pattern p = pattern(args.get(1), args.size() > 2 ? args.get(2) : null);
      boolean found = p.matcher(Deadline.guard(text.getLiteralLexicalForm(), cancel)).find();
      return NodeValue.booleanReturn(found);
    }

    @Override
    public Expr copy(ExprList a) {
      return new Regex(a.get(0), a.get(1), a.size() > 2 ? a.get(2) : null);
    }
  }

  /** {@code REPLACE(text, pattern, replacement [, flags])}. */
  static final class Replace extends GuardedRegex {
    Replace(Expr text, Expr pattern, Expr replacement, Expr flags) {
      super(
          Tags.tagReplace,
          1,
          3,
          flags == null
              ? new Expr[] {text, pattern, replacement}
              : new Expr[] {text, pattern, replacement, flags});
    }

    @Override
    NodeValue eval(List<NodeValue> args, AtomicBoolean cancel) {
      NodeValue nvText = args.get(0);
      Node text = NodeValueOps.checkAndGetStringLiteral("REPLACE", nvText);
      Pattern p = pattern(args.get(1), args.size() > 3 ? args.get(3) : null);
      String rep =
          NodeValueOps.checkAndGetStringLiteral("REPLACE", args.get(2)).getLiteralLexicalForm();
      String in = text.getLiteralLexicalForm();
      String out = replaceAll(p.matcher(Deadline.guard(in, cancel)), rep);
      if (out == null || out.equals(in)) {
        return nvText;
      }
      return NodeValue.makeNode(
          NodeFactory.createLiteral(out, text.getLiteralLanguage(), text.getLiteralDatatype()));
    }

    /** As Jena's {@code XSDFuncOp.replaceAll}: a zero-length match only at the first match. */
    private static String replaceAll(Matcher m, String rep) {
      try {
        StringBuilder sb = null;
        while (m.find()) {
          if (sb == null) {
            sb = new StringBuilder();
          } else if (m.start() == m.end()) {
            continue;
          }
          m.appendReplacement(sb, rep);
        }
        if (sb == null) {
          return null;
        }
        m.appendTail(sb);
        return sb.toString();
      } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
        throw new ExprEvalException("REPLACE: " + e.getMessage());
      }
    }

    @Override
    public Expr copy(ExprList a) {
      return new Replace(a.get(0), a.get(1), a.get(2), a.size() > 3 ? a.get(3) : null);
    }
  }
}
