package kg.chizai.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who runs, who waits and who is turned away, without a server. */
class AdmissionTest {

  ScheduledExecutorScheduler scheduler;
  final List<String> log = new CopyOnWriteArrayList<>();
  final List<Admission.Ticket> tickets = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    scheduler = new ScheduledExecutorScheduler("admission-test", true);
    scheduler.start();
  }

  @AfterEach
  void stop() throws Exception {
    scheduler.stop();
  }

  private void enter(Admission a, String client, String name) {
    a.enter(
        client,
        () -> false,
        t -> {
          log.add("run " + name);
          tickets.add(t);
        },
        r -> log.add(r + " " + name));
  }

  @Test
  void enter_underBothLimits_runsAtOnce() {
    Admission a = new Admission(2, 1, 10, Duration.ofSeconds(30), scheduler);
    enter(a, "x", "x1");
    enter(a, "y", "y1");
    assertEquals(List.of("run x1", "run y1"), log);
    assertEquals(2, a.running());
  }

  @Test
  void enter_clientOverItsShare_waitsButOthersGoAhead() {
    Admission a = new Admission(3, 1, 10, Duration.ofSeconds(30), scheduler);
    enter(a, "x", "x1");
    enter(a, "x", "x2");
    enter(a, "y", "y1");
    assertEquals(List.of("run x1", "run y1"), log);
    assertEquals(1, a.waiting());
    tickets.get(0).release();
    assertEquals(List.of("run x1", "run y1", "run x2"), log);
  }

  @Test
  void release_turnGoesToFirstWaiterUnderItsShare() {
    Admission a = new Admission(2, 2, 10, Duration.ofSeconds(30), scheduler);
    enter(a, "x", "x1");
    enter(a, "x", "x2");
    enter(a, "x", "x3");
    enter(a, "y", "y1");
    assertEquals(2, a.waiting());
    // x1 ends: x3 is first in line and x is under its share again.
    tickets.get(0).release();
    assertEquals("run x3", log.get(2));
    // x2 ends: y1 runs.
    tickets.get(1).release();
    assertEquals("run y1", log.get(3));
  }

  @Test
  void release_twice_freesOneTurnOnly() {
    Admission a = new Admission(1, 1, 10, Duration.ofSeconds(30), scheduler);
    enter(a, "x", "x1");
    enter(a, "y", "y1");
    enter(a, "z", "z1");
    tickets.get(0).release();
    tickets.get(0).release();
    assertEquals(List.of("run x1", "run y1"), log);
    assertEquals(1, a.running());
  }

  @Test
  void release_waitersWhoseClientHasGone_droppedUnrunAndTheTurnPassesOn() {
    Admission a = new Admission(1, 1, 10, Duration.ofSeconds(30), scheduler);
    List<String> asked = new CopyOnWriteArrayList<>();
    enter(a, "x", "x1");
    for (String name : List.of("y1", "z1", "w1")) {
      a.enter(
          name,
          () -> {
            asked.add(name);
            return !name.equals("w1");
          },
          t -> {
            log.add("run " + name);
            tickets.add(t);
          },
          r -> log.add(r + " " + name));
    }
    assertEquals(List.of(), asked, "presence is asked only when the turn comes");
    tickets.get(0).release();
    assertEquals(List.of("run x1", "GONE y1", "GONE z1", "run w1"), log);
    assertEquals(List.of("y1", "z1", "w1"), asked);
    assertEquals(2, a.dropped());
    assertEquals(1, a.running());
    assertEquals(0, a.waiting());
    tickets.get(1).release();
    assertEquals(0, a.running());
  }

  @Test
  void leave_whileWaiting_droppedAtOnce_afterTheTurn_nothing() {
    Admission a = new Admission(1, 1, 10, Duration.ofSeconds(30), scheduler);
    Admission.Place x1 = a.enter("x", () -> false, tickets::add, r -> log.add(r + " x1"));
    Admission.Place y1 = a.enter("y", () -> false, t -> log.add("run y1"), r -> log.add(r + " y1"));
    y1.leave();
    assertEquals(List.of("GONE y1"), log);
    assertEquals(0, a.waiting());
    assertEquals(1, a.dropped());
    y1.leave();
    x1.leave();
    tickets.get(0).release();
    assertEquals(List.of("GONE y1"), log, "left once, never run");
    assertEquals(1, a.dropped());
    assertEquals(0, a.running());
  }

  @Test
  void enter_queueFull_refusedAtOnce() {
    Admission a = new Admission(1, 1, 1, Duration.ofSeconds(30), scheduler);
    enter(a, "x", "x1");
    enter(a, "y", "y1");
    enter(a, "z", "z1");
    assertEquals(List.of("run x1", "QUEUE_FULL z1"), log);
  }

  @Test
  void enter_noTurnWithinMaxWait_timedOutAndNotRunLater() throws Exception {
    Admission a = new Admission(1, 1, 10, Duration.ofMillis(200), scheduler);
    CountDownLatch refused = new CountDownLatch(1);
    enter(a, "x", "x1");
    a.enter(
        "y",
        () -> false,
        t -> log.add("run y1"),
        r -> {
          log.add(r + " y1");
          refused.countDown();
        });
    assertTrue(refused.await(10, TimeUnit.SECONDS), "refused after its wait");
    tickets.get(0).release();
    assertEquals(List.of("run x1", "TIMED_OUT y1"), log);
    assertEquals(0, a.running());
    assertEquals(0, a.waiting());
  }

  @Test
  void manyThreads_neverMoreThanMaxRunning() throws Exception {
    Admission a = new Admission(3, 2, 1000, Duration.ofSeconds(30), scheduler);
    int[] running = {0};
    int[] peak = {0};
    List<Thread> threads = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(200);
    for (int i = 0; i < 200; i++) {
      String client = "c" + (i % 5);
      Thread t =
          new Thread(
              () ->
                  a.enter(
                      client,
                      () -> false,
                      ticket -> {
                        synchronized (running) {
                          running[0]++;
                          peak[0] = Math.max(peak[0], running[0]);
                        }
                        Thread.onSpinWait();
                        synchronized (running) {
                          running[0]--;
                        }
                        ticket.release();
                        done.countDown();
                      },
                      r -> done.countDown()));
      threads.add(t);
      t.start();
    }
    assertTrue(done.await(30, TimeUnit.SECONDS), "all 200 ran");
    assertTrue(peak[0] <= 3, "peak " + peak[0]);
    assertEquals(0, a.running());
  }
}
