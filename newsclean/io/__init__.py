"""Reading inputs and writing records."""
