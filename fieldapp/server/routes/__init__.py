"""The server's routes, one module per resource; each module exposes `routes`."""
