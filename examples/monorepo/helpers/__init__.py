"""Plain-Python helpers shared by the monorepo's packages (compiled into each caller)."""
