/**
 * Test fixtures shared by every test class of one test JVM: the seed report converted once, its
 * validation, release and server ({@link kg.chizai.testing.Seed}), and the one place where tests
 * call the pipeline ({@link kg.chizai.testing.Conversions}). Shared things are read-only; a test
 * that changes data, a store or a release makes its own copy in its own temporary directory.
 */
package kg.chizai.testing;
