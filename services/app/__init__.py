"""The composition root: the app factory, the CLI, the products' wiring and the demo, the only
place that knows every product."""
