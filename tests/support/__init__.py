"""Dev support shared by the tests, `bench/` and `.ci/`: servers they start (PostgreSQL, the
market-data stand-in), free ports, fault injection, the labelled evaluation sets and the
operations world. The arrows point here only: no test module imports `bench/`, and `bench/`
and `.ci/` import no test module."""
