"""The ChatOps diagnostic tools, one module per target; `catalog.build_tools` assembles them."""
