package kg.chizai.serve;

import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphReadOnly;
import org.apache.jena.sparql.util.Context;

/**
 * The store as the servlets see it: read-only (Jena's {@link DatasetGraphReadOnly}), with the text
 * index named in its context for {@code text:query}, and with the abort of a read transaction
 * turned into its plain end.
 *
 * <p>Why the last: a query stopped by its timeout is aborted, and jena-text 5.6 rolls back its
 * Lucene index writer on every abort, read transactions included ({@code TextIndexDB._abort}); two
 * queries timing out at once race on that writer, and one of them leaves its TDB2 read transaction
 * open for good, so the store can no longer be closed (a clean stop fails). A read transaction has
 * nothing to roll back, so it is ended instead.
 */
final class ReadOnlyView extends DatasetGraphReadOnly {

  ReadOnlyView(DatasetGraph store) {
    super(store, context(store));
  }

  private static Context context(DatasetGraph store) {
    Context c = store.getContext() == null ? new Context() : store.getContext().copy();
    if (store instanceof DatasetGraphText text) {
      c.set(TextQuery.textIndex, text.getTextIndex());
    }
    return c;
  }

  @Override
  public void commit() {
    if (transactionMode() == ReadWrite.READ) {
      get().commit();
    } else {
      super.commit();
    }
  }

  @Override
  public void abort() {
    if (transactionMode() == ReadWrite.READ) {
      get().end();
    } else {
      super.abort();
    }
  }
}
