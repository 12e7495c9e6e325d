"""The HTML path: trafilatura for the body, every metadata source for the fields."""
