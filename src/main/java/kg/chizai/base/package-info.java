/**
 * What every stage shares and nothing else: the one exception root with its problems (each naming a
 * file and line) and the process exit codes. The leftmost package: it imports no other package of
 * chizai-kg.
 */
package kg.chizai.base;
