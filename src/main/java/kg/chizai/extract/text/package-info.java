/**
 * Reading Japanese text the same way everywhere: width folding that keeps offsets, and numerals in
 * digits or kanji. Used by {@code extract} and {@code extract.time}; imports neither.
 */
package kg.chizai.extract.text;
