package kg.chizai.serve;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the server offers for download, which can change while it runs: nothing, a release being
 * prepared (built in the background once the store answers), or a release ready. Every request
 * reads it once ({@link #now()}) and answers from that one state.
 */
final class ReleaseOffer {

  /** How long a client is told to wait before asking again for a release being prepared. */
  static final int RETRY_AFTER_SECONDS = 30;

  /**
   * One state of the offer.
   *
   * @param downloads the release offered, when one is ready
   * @param preparing whether a release is being built (then {@code downloads} is empty)
   */
  record State(Optional<Downloads> downloads, boolean preparing) {

    static final State NONE = new State(Optional.empty(), false);
    static final State PREPARING = new State(Optional.empty(), true);

    static State ready(Downloads d) {
      return new State(Optional.of(d), false);
    }

    /** What a page rendered from this state depends on: part of its cache key. */
    String key() {
      return downloads.map(Downloads::version).orElse(preparing ? " preparing" : " none");
    }
  }

  private final AtomicReference<State> state;

  ReleaseOffer(State initial) {
    this.state = new AtomicReference<>(initial);
  }

  static ReleaseOffer of(Optional<Downloads> downloads) {
    return new ReleaseOffer(downloads.map(State::ready).orElse(State.NONE));
  }

  State now() {
    return state.get();
  }

  void set(State next) {
    state.set(next);
  }
}
