"""Tooling beside the product: the demo site and the benchmark (Django apps installed by the
development, test and bench settings only) and the Node tools the tests and bench run (axe,
lighthouse). Production settings install none of it and the product imports none of it."""
