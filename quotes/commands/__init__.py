"""Sub-commands of the `quotes` CLI: one module per group, each with register(subparsers)."""
