/**
 * What every stage shares and nothing else: the one exception root with its problems (each naming a
 * file and line), the process exit codes, and the one way to write a file ({@link
 * kg.chizai.base.AtomicFiles}), to checksum bytes ({@link kg.chizai.base.Sha256}) and to read a
 * packaged resource ({@link kg.chizai.base.Resources}). The leftmost package: it imports no other
 * package of chizai-kg.
 */
package kg.chizai.base;
