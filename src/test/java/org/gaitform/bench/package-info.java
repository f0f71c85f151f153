/**
 * The benchmark ({@code ./mvnw -Pbenchmark -DskipTests verify}, see docs/benchmark.md): throughput of reading
 * and analysis against parsing alone, report rendering time, batch speed with one and two jobs, peak heap.
 * Not part of the tests.
 */
package org.gaitform.bench;
