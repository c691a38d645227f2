"""Toolsets: ChatOps tools declared as data (`data/toolsets/*.yaml`) instead of Python.

A toolset names a system the agent may look at (Prometheus, Alertmanager, a PostgreSQL database,
an HTTP JSON endpoint, or InsightStack itself), how to reach it (configuration from the
environment; secrets by reference only), a prerequisite that says whether it is reachable, and
its tools. `spec.py` is the file format, `loader.py` turns files into `Tool`s for the executor,
and one module per kind runs a tool: `prometheus.py`, `alertmanager.py`, `sql.py`, `http_json.py`.
"""
