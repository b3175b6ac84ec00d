"""The Textual terminal UI for the quotes index: `quotes tui [--db FILE]`."""
