"""Archives: years of reports read from JSONL, Parquet and WARC files and extracted in parallel on Dask."""
