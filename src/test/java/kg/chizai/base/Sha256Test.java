package kg.chizai.base;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

/** The one SHA-256 helper, against the digests of the FIPS 180-2 examples. */
class Sha256Test {

  private static final String ABC =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @Test
  void hex_abc_fipsExample() {
    assertEquals(ABC, Sha256.hex("abc"));
    assertEquals(ABC, Sha256.hex("abc".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void hex_digestFedInParts_sameAsWhole() {
    MessageDigest md = Sha256.digest();
    md.update((byte) 'a');
    md.update("bc".getBytes(StandardCharsets.UTF_8));
    assertEquals(ABC, Sha256.hex(md));
  }

  @Test
  void hex_empty() {
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        Sha256.hex(new byte[0]));
  }
}
