package kg.chizai.serve;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.Rewrite;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.E_Exists;
import org.apache.jena.sparql.expr.E_NotExists;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.ExprTransformer;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.aggregate.Aggregator;
import org.apache.jena.sparql.function.Function;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.function.FunctionFactory;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.pfunction.PropertyFunctionFactory;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.util.Context;

/**
 * What the SPARQL endpoint's context holds so that every query shape stops at the timeout and the
 * endpoint reaches nothing outside the store:
 *
 * <ul>
 *   <li>before Jena optimises a query (constant folding evaluates expressions), {@code REGEX} and
 *       {@code REPLACE} are replaced by {@link GuardedRegex deadline-checking} equivalents, in
 *       filters, binds, projections, orderings, aggregates, {@code EXISTS} and sub-queries;
 *   <li>the functions that match regular expressions by IRI ({@code fn:matches}, {@code
 *       fn:replace}, {@code sparql:regex}, {@code sparql:replace}) are the guarded ones too;
 *   <li>functions and property functions are only those registered: no class is loaded for a {@code
 *       java:} IRI, and so no {@code apf:strSplit} (a regular-expression split);
 *   <li>{@code SERVICE} follows the {@link ServiceGuard} policy.
 * </ul>
 */
final class QueryGuards {

  private static final String FN = "http://www.w3.org/2005/xpath-functions#";
  private static final String SPARQL = "http://www.w3.org/ns/sparql#";

  private QueryGuards() {}

  /** Puts the guards into an endpoint's context. */
  static void install(Context context, Limits limits) {
    RewriteFactory std = Optimize.stdOptimizationFactory;
    context.set(
        ARQConstants.sysOptimizerFactory,
        (RewriteFactory)
            cxt -> {
              Rewrite optimizer = std.create(cxt);
              return op -> optimizer.rewrite(guard(op));
            });
    context.set(ARQConstants.registryFunctions, functions());
    context.set(ARQConstants.registryPropertyFunctions, propertyFunctions());
    ServiceGuard.install(context, limits.serviceHosts(), limits.timeout());
  }

  /**
   * Refuses a query whose {@code SERVICE} calls the policy does not allow, before it runs: also
   * those inside {@code EXISTS}, which Jena evaluates as a filter that swallows the refusal.
   */
  static void checkServices(Query query, Set<String> hosts) {
    Op op = Algebra.compile(query);
    for (OpService s : services(op)) {
      ServiceGuard.check(s.getService(), hosts);
    }
  }

  /** Every {@code SERVICE} in an operation, in sub-queries and {@code EXISTS} too. */
  static List<OpService> services(Op op) {
    List<OpService> found = new ArrayList<>();
    Transformer.transform(
        new TransformCopy() {
          @Override
          public Op transform(OpService opService, Op subOp) {
            found.add(opService);
            return super.transform(opService, subOp);
          }
        },
        new ExprTransformCopy() {
          @Override
          public Expr transform(ExprFunctionOp funcOp, ExprList args, Op opArg) {
            if (funcOp.getGraphPattern() != null) {
              found.addAll(services(funcOp.getGraphPattern()));
            }
            return super.transform(funcOp, args, opArg);
          }
        },
        op);
    return found;
  }

  /** The operation with every REGEX and REPLACE guarded. */
  static Op guard(Op op) {
    return Transformer.transform(new TransformCopy(), GUARD, op);
  }

  private static final ExprTransformCopy GUARD =
      new ExprTransformCopy() {
        @Override
        public Expr transform(ExprFunctionN func, ExprList args) {
          if (func instanceof E_Regex) {
            return new GuardedRegex.Regex(args.get(0), args.get(1), arg(args, 2));
          }
          if (func instanceof E_StrReplace) {
            return new GuardedRegex.Replace(args.get(0), args.get(1), args.get(2), arg(args, 3));
          }
          return super.transform(func, args);
        }

        @Override
        public Expr transform(ExprFunctionOp funcOp, ExprList args, Op opArg) {
          Op inner = funcOp.getGraphPattern();
          if (inner == null) {
            return super.transform(funcOp, args, opArg);
          }
          if (funcOp instanceof E_Exists) {
            return new E_Exists(funcOp.getElement(), guard(inner));
          }
          if (funcOp instanceof E_NotExists) {
            return new E_NotExists(funcOp.getElement(), guard(inner));
          }
          return super.transform(funcOp, args, opArg);
        }

        @Override
        public Expr transform(ExprAggregator eAgg) {
          Aggregator agg = eAgg.getAggregator();
          ExprList exprs = agg.getExprList();
          if (exprs == null || exprs.isEmpty()) {
            return super.transform(eAgg);
          }
          return new ExprAggregator(
              eAgg.getVar(), agg.copy(ExprTransformer.transform(this, exprs)));
        }
      };

  private static Expr arg(ExprList args, int i) {
    return args.size() > i ? args.get(i) : null;
  }

  /** The standard functions, registered ones only, with the regular-expression ones guarded. */
  private static FunctionRegistry functions() {
    FunctionRegistry global = FunctionRegistry.get();
    FunctionRegistry reg =
        new FunctionRegistry() {
          @Override
          public FunctionFactory get(String uri) {
            // Only what is registered: never load a class named by a java: IRI.
            return isRegistered(uri) ? super.get(uri) : null;
          }
        };
    for (Iterator<String> it = global.keys(); it.hasNext(); ) {
      String uri = it.next();
      reg.put(uri, global.get(uri));
    }
    for (Map.Entry<String, Integer> e :
        Map.of(FN + "matches", 0, SPARQL + "regex", 0, FN + "replace", 1, SPARQL + "replace", 1)
            .entrySet()) {
      boolean replace = e.getValue() == 1;
      reg.put(e.getKey(), uri -> new Call(replace));
    }
    return reg;
  }

  /** The registered property functions (text:query, list:, apf:…); nothing loaded by class name. */
  private static PropertyFunctionRegistry propertyFunctions() {
    PropertyFunctionRegistry global = PropertyFunctionRegistry.get();
    PropertyFunctionRegistry reg =
        new PropertyFunctionRegistry() {
          @Override
          public boolean manages(String uri) {
            return isRegistered(uri);
          }

          @Override
          public PropertyFunctionFactory get(String uri) {
            return isRegistered(uri) ? super.get(uri) : null;
          }
        };
    for (Iterator<String> it = global.keys(); it.hasNext(); ) {
      String uri = it.next();
      if (!uri.endsWith("#strSplit")) {
        reg.put(uri, global.get(uri));
      }
    }
    return reg;
  }

  /** {@code fn:matches} / {@code fn:replace} and their {@code sparql:} twins, guarded. */
  private static final class Call implements Function {
    private final boolean replace;
    private Expr expr;

    Call(boolean replace) {
      this.replace = replace;
    }

    @Override
    public void build(String uri, ExprList args, Context context) {
      int min = replace ? 3 : 2;
      if (args.size() < min || args.size() > min + 1) {
        throw new ExprEvalException(
            uri + ": wants " + min + " or " + (min + 1) + " arguments, got " + args.size());
      }
      expr =
          replace
              ? new GuardedRegex.Replace(args.get(0), args.get(1), args.get(2), arg(args, 3))
              : new GuardedRegex.Regex(args.get(0), args.get(1), arg(args, 2));
    }

    @Override
    public NodeValue exec(Binding binding, ExprList args, String uri, FunctionEnv env) {
      return expr.eval(binding, env);
    }
  }
}
