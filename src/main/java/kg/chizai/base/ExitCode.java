package kg.chizai.base;

/**
 * Every process exit code of chizai-kg, in one place. The CLI declares this table in its help, the
 * README prints it, and a test checks that the three agree.
 */
public enum ExitCode {
  /** Success. */
  OK(0, "success"),
  /** A bug: an exception that is not a {@link ChizaiException}. */
  INTERNAL(1, "internal error (a bug: please report it)"),
  /** A bad option or argument. */
  USAGE(2, "usage error (bad option or argument, unknown output extension)"),
  /** Input that cannot be converted. */
  INPUT(
      3,
      "bad input (no report found, missing, unreadable, not UTF-8, too large, not a progress report,"
          + " truncated)"),
  /** Output that cannot be written. */
  OUTPUT(4, "output could not be written"),
  /** A missing or malformed reference table or configuration. */
  CONFIG(5, "reference table or configuration missing or malformed"),
  /** Data that does not conform to the SHACL shapes. */
  INVALID(6, "validation failed (the data does not conform to the SHACL shapes)"),
  /** A release that could not be pushed to a graph store. */
  PUSH(7, "push to a graph store failed"),
  /** The server cannot start or go on. */
  SERVE(8, "cannot serve (port in use, store locked, damaged or unreadable)");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  /** The number the process ends with. */
  public int code() {
    return code;
  }

  /** One line saying what the code means. */
  public String meaning() {
    return meaning;
  }

  /** The table as picocli's {@code exitCodeList} wants it: {@code "code:meaning"}. */
  public static String[] picocliList() {
    ExitCode[] all = values();
    String[] list = new String[all.length];
    for (int i = 0; i < all.length; i++) {
      list[i] = all[i].code + ":" + all[i].meaning;
    }
    return list;
  }
}
