"""spark-submit entry point: the ``cleaner`` command inside a Spark application.

    spark-submit [spark options] deploy/spark_dedup.py dedup INPUT... -o OUT --engine spark

``--engine spark`` then uses the session spark-submit configured (master,
executors, archives), so leave ``--spark-master`` out.
"""

from cleaner.cli import main

if __name__ == "__main__":
    main()
