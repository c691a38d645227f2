"""Demo content: the MarketDataService stand-in, the eval harness's market data built on it,
local Prometheus and Alertmanager, and `make demo`'s scripted walk-through. It runs from the source tree only: the wheel and the
air-gapped bundle leave this package out (pyproject.toml), so no production install carries a
fake market-data server or scripted incidents."""
