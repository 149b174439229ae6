package kg.chizai.serve;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Who may run a heavy request now: at most {@code max} at once server-wide and {@code perClient} at
 * once for one client; the others wait in arrival order (holding no thread) until a turn comes, up
 * to {@code maxQueued} waiting and {@code maxWait} each. A client over its own share waits behind
 * nobody else: a turn goes to the first waiting request whose client is under its share, so one
 * busy client cannot hold up the others. A waiting request whose client has gone is dropped without
 * running: when it is told so ({@link Place#leave()}), or at the latest when its turn comes (the
 * turn then passes on to the next in line).
 */
final class Admission {

  /** Why a request was not admitted. */
  enum Refusal {
    /** {@code maxQueued} requests are already waiting. */
    QUEUE_FULL,
    /** No turn came within {@code maxWait}. */
    TIMED_OUT,
    /** The client went away while the request waited: it was not run. */
    GONE
  }

  /** A granted turn; release it exactly once when the request is done (later calls do nothing). */
  interface Ticket {
    void release();
  }

  /** A request's place in line. */
  interface Place {
    /**
     * Its client has gone: if the request still waits, it leaves the line and is refused {@link
     * Refusal#GONE}; otherwise nothing happens.
     */
    void leave();
  }

  private final int max;
  private final int perClient;
  private final int maxQueued;
  private final Duration maxWait;
  private final Scheduler scheduler;

  private int running;
  private long dropped;
  private final Map<String, Integer> runningByClient = new HashMap<>();
  private final ArrayDeque<Waiter> queue = new ArrayDeque<>();

  private final class Waiter {
    final String client;
    final BooleanSupplier gone;
    final Consumer<Ticket> granted;
    final Consumer<Refusal> refused;
    Scheduler.Task timer;

    Waiter(
        String client, BooleanSupplier gone, Consumer<Ticket> granted, Consumer<Refusal> refused) {
      this.client = client;
      this.gone = gone;
      this.granted = granted;
      this.refused = refused;
    }
  }

  Admission(int max, int perClient, int maxQueued, Duration maxWait, Scheduler scheduler) {
    if (max < 1 || perClient < 1 || maxQueued < 0) {
      throw new IllegalArgumentException(
          "bad admission limits: max=" + max + " perClient=" + perClient + " queued=" + maxQueued);
    }
    this.max = max;
    this.perClient = perClient;
    this.maxQueued = maxQueued;
    this.maxWait = maxWait;
    this.scheduler = scheduler;
  }

  /**
   * Asks for a turn for {@code client}. Exactly one of the two callbacks is called, once: {@code
   * granted} at once on this thread, or later on the thread that freed a turn; {@code refused} at
   * once when the queue is full, on the scheduler's thread after {@code maxWait}, or on the thread
   * that freed a turn when {@code gone} says then that the client has gone (it is asked only of a
   * request that waited, outside this class's lock) or when it {@link Place#leave() leaves}.
   */
  Place enter(
      String client, BooleanSupplier gone, Consumer<Ticket> granted, Consumer<Refusal> refused) {
    boolean now;
    synchronized (this) {
      now = running < max && runningOf(client) < perClient;
      if (now) {
        take(client);
      } else if (queue.size() < maxQueued) {
        Waiter w = new Waiter(client, gone, granted, refused);
        queue.addLast(w);
        w.timer = scheduler.schedule(() -> expire(w), maxWait.toMillis(), TimeUnit.MILLISECONDS);
        return () -> leave(w);
      }
    }
    if (now) {
      granted.accept(ticket(client));
    } else {
      refused.accept(Refusal.QUEUE_FULL);
    }
    return () -> {};
  }

  /** How many requests run now. */
  synchronized int running() {
    return running;
  }

  /** How many requests wait now. */
  synchronized int waiting() {
    return queue.size();
  }

  /** How many waiting requests were dropped so far because their client had gone. */
  synchronized long dropped() {
    return dropped;
  }

  private void leave(Waiter w) {
    synchronized (this) {
      if (!queue.remove(w)) {
        return;
      }
      dropped++;
    }
    w.timer.cancel();
    w.refused.accept(Refusal.GONE);
  }

  private void expire(Waiter w) {
    boolean removed;
    synchronized (this) {
      removed = queue.remove(w);
    }
    if (removed) {
      w.refused.accept(Refusal.TIMED_OUT);
    }
  }

  private void release(String client) {
    // A turn given to a request whose client has gone comes back at once and passes on.
    ArrayDeque<String> freed = new ArrayDeque<>(List.of(client));
    while (!freed.isEmpty()) {
      List<Waiter> next = new ArrayList<>();
      synchronized (this) {
        String c = freed.poll();
        running--;
        runningByClient.merge(c, -1, (a, b) -> a + b == 0 ? null : a + b);
        for (Iterator<Waiter> it = queue.iterator(); it.hasNext() && running < max; ) {
          Waiter w = it.next();
          if (runningOf(w.client) < perClient) {
            it.remove();
            take(w.client);
            next.add(w);
          }
        }
      }
      for (Waiter w : next) {
        w.timer.cancel();
        if (w.gone.getAsBoolean()) {
          synchronized (this) {
            dropped++;
          }
          freed.add(w.client);
          w.refused.accept(Refusal.GONE);
        } else {
          w.granted.accept(ticket(w.client));
        }
      }
    }
  }

  private int runningOf(String client) {
    return runningByClient.getOrDefault(client, 0);
  }

  private void take(String client) {
    running++;
    runningByClient.merge(client, 1, Integer::sum);
  }

  private Ticket ticket(String client) {
    AtomicBoolean released = new AtomicBoolean();
    return () -> {
      if (released.compareAndSet(false, true)) {
        release(client);
      }
    };
  }
}
