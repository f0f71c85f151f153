/**
 * gaitform on Apache Spark: {@link org.gaitform.spark.SparkAnalyzeJob} analyses recordings on any Hadoop-compatible
 * file system (local, HDFS, S3 through s3a, …) in the executors with the same {@code SessionPipeline} and settings as
 * {@code gaitform analyze}, and writes the dataset tables as Parquet (optionally partitioned by a column) and, when
 * asked, each session's report folder. Spark is provided by the cluster ({@code provided} scope): nothing here is
 * loaded by the command line. An entry point like {@code cli}: it may print and exit.
 */
package org.gaitform.spark;
