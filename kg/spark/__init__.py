"""newskg on a Spark cluster: ``kg spark`` (or ``spark-submit``) builds the same graphs as
``kg build`` from crawls of millions of articles, and writes them as N-Quads shards that
``kg load`` puts into a store (see docs/cluster.md).

- :mod:`kg.spark.inputs`: files from any Hadoop-readable path, read with newskg's readers.
- :mod:`kg.spark.job`: the job: phase 1 in the executors, phase 2 as Spark operations.
- :mod:`kg.spark.shards`: the shard layout, and loading shards or an export into a store.

Only :mod:`kg.spark.job` needs pyspark; loading shards does not.
"""
